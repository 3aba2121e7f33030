/**
 * Small charts drawn as SVG (no chart library): each is a <figure> with a caption, the SVG is an image with a
 * text alternative, and every bar has a tooltip title. The numbers themselves are also in the tiles and tables,
 * so the charts add the shape, not information a screen reader would miss.
 */
import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatNumber, formatPercent } from '../../lib/format.ts';

const H = 160;
const PAD_LEFT = 34;
const PAD_BOTTOM = 22;

export const ONLINE_COLOR = 'var(--mantine-color-teal-6)';
export const DIRECT_COLOR = 'var(--mantine-color-blue-6)';

function Frame({
  title,
  summary,
  children,
  legend,
}: {
  title: string;
  summary: string;
  children: ReactNode;
  legend?: ReactNode;
}) {
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <Text fw={600} size="sm">
          {title}
        </Text>
      </figcaption>
      {legend}
      {children}
      <Text size="xs" c="dimmed" mt={4}>
        {summary}
      </Text>
    </figure>
  );
}

export function Legend({ items }: { items: { label: string; color: string }[] }) {
  return (
    <Group gap="md" my={4}>
      {items.map((i) => (
        <Group key={i.label} gap={6}>
          <span
            aria-hidden
            style={{ width: 12, height: 12, background: i.color, display: 'inline-block', borderRadius: 2 }}
          />
          <Text size="xs">{i.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

export type StackedPoint = { label: string; tick: string | null; a: number; b: number };

/** Vertical stacked bars (online on direct), one per day or month; `tick` labels some of them. */
export function StackedBars({
  title,
  summary,
  points,
  names,
}: {
  title: string;
  summary: string;
  points: StackedPoint[];
  names: [string, string];
}) {
  const width = Math.max(320, points.length * 14 + PAD_LEFT);
  const max = Math.max(1, ...points.map((p) => p.a + p.b));
  const inner = H - PAD_BOTTOM;
  const step = (width - PAD_LEFT) / Math.max(1, points.length);
  const barW = Math.max(2, step * 0.7);
  const y = (v: number) => inner - (v / max) * (inner - 8);
  return (
    <Frame
      title={title}
      summary={summary}
      legend={
        <Legend
          items={[
            { label: names[0], color: ONLINE_COLOR },
            { label: names[1], color: DIRECT_COLOR },
          ]}
        />
      }
    >
      <svg
        viewBox={`0 0 ${width} ${H}`}
        width="100%"
        role="img"
        aria-label={`${title}. ${summary}`}
        style={{ maxHeight: 220 }}
      >
        <line x1={PAD_LEFT} x2={width} y1={inner} y2={inner} stroke="var(--mantine-color-gray-5)" />
        <text x={PAD_LEFT - 4} y={y(max) + 4} textAnchor="end" fontSize="10" fill="currentColor">
          {formatNumber(max)}
        </text>
        <text x={PAD_LEFT - 4} y={inner} textAnchor="end" fontSize="10" fill="currentColor">
          0
        </text>
        {points.map((p, i) => {
          const x = PAD_LEFT + i * step + (step - barW) / 2;
          return (
            <g key={p.label}>
              <title>{`${p.label}: ${formatNumber(p.a + p.b)} (${names[0].toLowerCase()} ${formatNumber(p.a)}, ${names[1].toLowerCase()} ${formatNumber(p.b)})`}</title>
              <rect x={x} width={barW} y={y(p.b)} height={inner - y(p.b)} fill={DIRECT_COLOR} />
              <rect x={x} width={barW} y={y(p.a + p.b)} height={y(p.b) - y(p.a + p.b)} fill={ONLINE_COLOR} />
              {p.tick && (
                <text x={x + barW / 2} y={H - 6} textAnchor="middle" fontSize="10" fill="currentColor">
                  {p.tick}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </Frame>
  );
}

export type RatePoint = { label: string; rate: number | null };

/** A rate per month as a line with dots (0–100 %); months without data leave a gap. */
export function RateLine({
  title,
  summary,
  points,
  color,
}: {
  title: string;
  summary: string;
  points: RatePoint[];
  color: string;
}) {
  const width = 360;
  const inner = H - PAD_BOTTOM;
  const step = (width - PAD_LEFT - 10) / Math.max(1, points.length - 1);
  const x = (i: number) => PAD_LEFT + i * step;
  const y = (r: number) => inner - r * (inner - 10);
  const segments: string[] = [];
  let current = '';
  points.forEach((p, i) => {
    if (p.rate === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.rate).toFixed(1)}`;
  });
  if (current) segments.push(current);
  return (
    <Frame title={title} summary={summary}>
      <svg
        viewBox={`0 0 ${width} ${H}`}
        width="100%"
        role="img"
        aria-label={`${title}. ${summary}`}
        style={{ maxHeight: 220 }}
      >
        {[0, 0.5, 1].map((g) => (
          <g key={g}>
            <line x1={PAD_LEFT} x2={width - 6} y1={y(g)} y2={y(g)} stroke="var(--mantine-color-gray-3)" />
            <text x={PAD_LEFT - 4} y={y(g) + 4} textAnchor="end" fontSize="10" fill="currentColor">
              {`${g * 100}%`}
            </text>
          </g>
        ))}
        {segments.map((d) => (
          <path key={d} d={d} fill="none" stroke={color} strokeWidth={2} />
        ))}
        {points.map((p, i) =>
          p.rate === null ? null : (
            <circle key={p.label} cx={x(i)} cy={y(p.rate)} r={3.5} fill={color}>
              <title>{`${p.label}: ${formatPercent(p.rate)}`}</title>
            </circle>
          ),
        )}
        {points.map((p, i) =>
          i % 2 === points.length % 2 ? null : (
            <text
              key={`t${p.label}`}
              x={x(i)}
              y={H - 6}
              textAnchor="middle"
              fontSize="10"
              fill="currentColor"
            >
              {p.label.slice(0, 2)}
            </text>
          ),
        )}
      </svg>
    </Frame>
  );
}

export type UnitBar = { key: string; label: string; value: number; href: string };

/** Horizontal bars as a list of links, one per unit: each opens the dossiers it counts. */
export function UnitBars({
  title,
  summary,
  bars,
  color,
  empty,
}: {
  title: string;
  summary: string;
  bars: UnitBar[];
  color: string;
  empty: string;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <Frame title={title} summary={summary}>
      {bars.length === 0 ? (
        <Text size="sm" c="dimmed" my="sm">
          {empty}
        </Text>
      ) : (
        <Stack gap={6} my="xs" component="ul" style={{ listStyle: 'none', padding: 0 }} aria-label={title}>
          {bars.map((b) => (
            <li key={b.key}>
              <Anchor
                component={Link}
                to={b.href}
                size="sm"
                underline="hover"
                c="inherit"
                aria-label={`${b.label}: ${formatNumber(b.value)} hồ sơ`}
              >
                <Group gap={8} wrap="nowrap">
                  <Text
                    size="sm"
                    title={b.label}
                    style={{
                      flex: '0 0 40%',
                      overflow: 'hidden',
                      textOverflow: 'ellipsis',
                      whiteSpace: 'nowrap',
                    }}
                  >
                    {b.label}
                  </Text>
                  <div style={{ flex: 1, background: 'var(--mantine-color-gray-1)', borderRadius: 3 }}>
                    <div
                      style={{
                        width: `${(b.value / max) * 100}%`,
                        minWidth: b.value > 0 ? 3 : 0,
                        height: 14,
                        background: color,
                        borderRadius: 3,
                      }}
                    />
                  </div>
                  <Text size="sm" fw={600} style={{ flex: '0 0 3em', textAlign: 'right' }}>
                    {formatNumber(b.value)}
                  </Text>
                </Group>
              </Anchor>
            </li>
          ))}
        </Stack>
      )}
    </Frame>
  );
}

import { Anchor, Badge, Card, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ModuleEntry } from './modules.ts';

/** One module of the home pages: a link once it is built, otherwise its name marked as still being built. */
export function ModuleCard({ module: m }: { module: ModuleEntry }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        {m.to ? (
          <Anchor component={Link} to={m.to} fw={600}>
            {m.title}
          </Anchor>
        ) : (
          <Text fw={600}>{m.title}</Text>
        )}
        <Badge color={m.to ? 'green' : 'gray'} variant="light" tt="none" style={{ flexShrink: 0 }}>
          {m.to ? 'Sử dụng được' : 'Đang xây dựng'}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mt={4}>
        {m.description}
      </Text>
    </Card>
  );
}

import { Alert, Anchor, List } from '@mantine/core';

interface ProblemSummaryProps {
  /** Message by key; the key is the id of the input (or of its wrapper) the problem is about. */
  problems: Readonly<Partial<Record<string, string>>>;
  /** What the title says the items need, after "Còn N mục" (e.g. "cần sửa"). */
  need: string;
  /** Moves the focus to the input of a problem. */
  onPick: (key: string) => void;
  /** Each link on a line of its own. */
  block?: boolean;
}

/** The problems of a form in one alert above it, each a link to its input; nothing when there is none. */
export function ProblemSummary({ problems, need, onPick, block }: ProblemSummaryProps) {
  const keys = Object.keys(problems);
  if (keys.length === 0) return null;
  return (
    <Alert color="red" title={`Còn ${keys.length} mục ${need}`} role="alert">
      <List size="sm" spacing={2}>
        {keys.map((k) => (
          <List.Item key={k}>
            <Anchor
              component="button"
              type="button"
              size="sm"
              c="red.9"
              td="underline"
              ta="left"
              display={block ? 'block' : undefined}
              onClick={() => onPick(k)}
            >
              {problems[k]}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

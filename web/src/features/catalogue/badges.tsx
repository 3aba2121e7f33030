import { Badge } from '@mantine/core';
import type { OnlineLevel } from '../../../../domain/catalogue/index.ts';
import { onlineLevelLabel } from '../../../../domain/catalogue/labels.ts';

const onlineColor: Record<OnlineLevel, string> = { full: 'teal', partial: 'blue', none: 'gray' };

/** The online-service level as a badge; the label wraps on phones rather than overflow. */
export function OnlineLevelBadge({ level }: { level: OnlineLevel }) {
  return (
    <Badge
      color={onlineColor[level]}
      variant="light"
      tt="none"
      styles={{ label: { whiteSpace: 'normal' } }}
      h="auto"
    >
      {onlineLevelLabel[level]}
    </Badge>
  );
}

export function FreeBadge() {
  return (
    <Badge color="green" variant="filled" tt="none">
      Miễn phí
    </Badge>
  );
}

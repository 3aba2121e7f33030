import { ActionIcon, Group, Stack } from '@mantine/core';

interface RowActionsProps {
  /** What the row is called in the buttons' names ("bước 2", "thành phần hồ sơ 3"). */
  name: string;
  index: number;
  count: number;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  disabled?: boolean;
  /** One above the other, for a narrow table column. */
  vertical?: boolean;
}

/** Up, down and remove for one row of an ordered list, each with a Vietnamese accessible name. */
export function RowActions(props: RowActionsProps) {
  const { name, index, count, onMove, onRemove, disabled = false, vertical = false } = props;
  const Layout = vertical ? Stack : Group;
  return (
    <Layout gap={4} wrap="nowrap">
      <ActionIcon
        variant="default"
        aria-label={`Chuyển ${name} lên`}
        disabled={disabled || index === 0}
        onClick={() => onMove(-1)}
      >
        ↑
      </ActionIcon>
      <ActionIcon
        variant="default"
        aria-label={`Chuyển ${name} xuống`}
        disabled={disabled || index === count - 1}
        onClick={() => onMove(1)}
      >
        ↓
      </ActionIcon>
      <ActionIcon
        variant="light"
        color="red"
        aria-label={`Xóa ${name}`}
        disabled={disabled}
        onClick={onRemove}
      >
        ✕
      </ActionIcon>
    </Layout>
  );
}

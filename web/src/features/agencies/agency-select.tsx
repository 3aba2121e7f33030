import { Select, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { Agency } from '../../../../domain/org/agency.ts';

interface AgencySelectProps {
  label: string;
  /** In tree pre-order, as the server returns them. */
  agencies: readonly Agency[];
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
  required?: boolean;
  clearable?: boolean;
  disabled?: boolean;
  description?: string;
}

/**
 * Picks one agency; options keep the tree order and are indented by depth. Names repeat across the tree
 * ("Trung tâm Phục vụ hành chính công" under each commune), so a repeated name carries its parent's name.
 */
export function AgencySelect(props: AgencySelectProps) {
  const { agencies } = props;
  const { data, depthOf } = useMemo(() => {
    const byId = new Map(agencies.map((a) => [a.id, a]));
    const count = new Map<string, number>();
    for (const a of agencies) count.set(a.name, (count.get(a.name) ?? 0) + 1);
    const depths = new Map<string, number>();
    const minDepth = Math.min(...agencies.map((a) => a.depth));
    const items = agencies.map((a) => {
      depths.set(a.id, a.depth - minDepth);
      const parent = a.parentId ? byId.get(a.parentId) : undefined;
      const label = (count.get(a.name) ?? 0) > 1 && parent ? `${a.name} (${parent.name})` : a.name;
      return { value: a.id, label };
    });
    return { data: items, depthOf: depths };
  }, [agencies]);

  return (
    <Select
      label={props.label}
      description={props.description}
      data={data}
      value={props.value}
      onChange={(id) => props.onChange(id)}
      error={props.error}
      required={props.required}
      clearable={props.clearable}
      disabled={props.disabled}
      searchable
      allowDeselect={false}
      placeholder="Chọn hoặc gõ để tìm"
      nothingFoundMessage="Không tìm thấy cơ quan, đơn vị"
      maxDropdownHeight={320}
      renderOption={({ option }) => (
        <Text size="sm" pl={(depthOf.get(option.value) ?? 0) * 12}>
          {option.label}
        </Text>
      )}
    />
  );
}

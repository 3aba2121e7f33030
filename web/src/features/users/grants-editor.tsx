import { Button, Fieldset, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { roleLabel, StaffRole, type StaffRole as StaffRoleT } from '../../../../domain/access/roles.ts';
import type { Agency } from '../../../../domain/org/agency.ts';
import type { FieldErrors } from '../../lib/form.ts';
import { AgencySelect } from '../agencies/agency-select.tsx';

export interface GrantRow {
  role: StaffRoleT;
  agencyId: string | null;
}

const roleOptions = StaffRole.options.map((r) => ({ value: r, label: roleLabel[r] }));

interface GrantsEditorProps {
  grants: GrantRow[];
  onChange: (grants: GrantRow[]) => void;
  agencies: readonly Agency[];
  errors: FieldErrors;
}

/** One or more (role, agency) pairs; a role applies to the agency and everything under it. */
export function GrantsEditor({ grants, onChange, agencies, errors }: GrantsEditorProps) {
  const update = (index: number, patch: Partial<GrantRow>) =>
    onChange(grants.map((g, i) => (i === index ? { ...g, ...patch } : g)));

  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        Phân quyền
      </Text>
      <Text size="xs" c="dimmed">
        Vai trò có hiệu lực trên cơ quan được chọn và các đơn vị trực thuộc.
      </Text>
      {grants.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved.
        <Fieldset key={i} legend={`Quyền ${i + 1}`} p="sm">
          <Stack gap="xs">
            <NativeSelect
              label="Vai trò"
              required
              data={roleOptions}
              value={g.role}
              error={errors[`grants.${i}.role`]}
              onChange={(e) => update(i, { role: StaffRole.parse(e.currentTarget.value) })}
            />
            <AgencySelect
              label="Cơ quan, đơn vị"
              required
              agencies={agencies}
              value={g.agencyId}
              onChange={(agencyId) => update(i, { agencyId })}
              error={errors[`grants.${i}.agencyId`]}
            />
            {grants.length > 1 && (
              <Group justify="flex-end">
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  onClick={() => onChange(grants.filter((_, j) => j !== i))}
                >
                  Bỏ quyền {i + 1}
                </Button>
              </Group>
            )}
          </Stack>
        </Fieldset>
      ))}
      {errors.grants && (
        <Text c="red" size="sm">
          {errors.grants}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() => onChange([...grants, { role: 'deskOfficer', agencyId: null }])}
          disabled={grants.length >= 20}
        >
          Thêm quyền
        </Button>
      </Group>
    </Stack>
  );
}

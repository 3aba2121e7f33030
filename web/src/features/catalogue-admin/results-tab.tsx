import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import {
  type ImplementingAgency,
  ProcedureLevel,
  type ResultDocument,
  type VersionContent,
} from '../../../../domain/catalogue/index.ts';
import { agencyRoleLabel, procedureLevelLabel } from '../../../../domain/catalogue/labels.ts';
import { AgencyKind, agencyKindLabel } from '../../../../domain/org/agency.ts';
import type { FieldErrors } from '../../lib/form.ts';
import { move, removeAt, replaceAt } from './list-edit.ts';
import { RowActions } from './row-actions.tsx';
import type { SetContent } from './use-draft-editor.ts';

interface TabProps {
  content: VersionContent;
  set: SetContent;
  errors: FieldErrors;
  readOnly: boolean;
}

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

function ListError({ message }: { message: string | undefined }) {
  return message ? (
    <Text c="red" size="sm">
      {message}
    </Text>
  ) : null;
}

/** What the applicant receives (kết quả thực hiện). */
export function ResultsTab({ content, set, errors, readOnly }: TabProps) {
  const list = content.resultDocuments;
  const update = (i: number, patch: Partial<ResultDocument>) =>
    set('resultDocuments', replaceAt(list, i, { ...list[i]!, ...patch }));
  return (
    <Stack gap="sm">
      {list.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a result's name is being typed; its position is its identity.
        <Group key={i} align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            label={`Kết quả ${i + 1}`}
            value={r.name}
            error={errors[`resultDocuments.${i}.name`]}
            disabled={readOnly}
            onChange={(e) => update(i, { name: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <Checkbox
            label="Có bản điện tử"
            checked={r.electronic}
            disabled={readOnly}
            onChange={(e) => update(i, { electronic: e.currentTarget.checked })}
            mb={8}
          />
          <RowActions
            name={`kết quả ${i + 1}`}
            index={i}
            count={list.length}
            disabled={readOnly}
            onMove={(d) => set('resultDocuments', move(list, i, d))}
            onRemove={() => set('resultDocuments', removeAt(list, i))}
          />
        </Group>
      ))}
      <ListError message={errors.resultDocuments} />
      {!readOnly && (
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => set('resultDocuments', [...list, { name: '', electronic: false }])}
          >
            Thêm kết quả
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Who implements the procedure: the kind of agency in the tree, its level and role. */
export function AgenciesTab({ content, set, errors, readOnly }: TabProps) {
  const list = content.implementingAgencies;
  const update = (i: number, patch: Partial<ImplementingAgency>) =>
    set('implementingAgencies', replaceAt(list, i, { ...list[i]!, ...patch }));
  const add = () =>
    set('implementingAgencies', [
      ...list,
      { kind: 'commune', level: 'commune', name: '', role: 'coordinating' },
    ]);
  return (
    <Stack gap="sm">
      {list.map((a, i) => {
        const at = `implementingAgencies.${i}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: an agency's name is being typed; its position is its identity.
          <Fieldset key={i} legend={`Cơ quan ${i + 1}`} p="sm" disabled={readOnly}>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="xs">
              <TextInput
                label="Tên như trong niêm yết"
                placeholder="Ví dụ: Ủy ban nhân dân cấp xã"
                value={a.name}
                error={errors[`${at}.name`]}
                onChange={(e) => update(i, { name: e.currentTarget.value })}
              />
              <NativeSelect
                label="Vai trò"
                data={options(agencyRoleLabel)}
                value={a.role}
                onChange={(e) => update(i, { role: e.currentTarget.value as ImplementingAgency['role'] })}
              />
              <NativeSelect
                label="Loại đơn vị"
                data={options(agencyKindLabel)}
                value={a.kind}
                onChange={(e) => update(i, { kind: AgencyKind.parse(e.currentTarget.value) })}
              />
              <NativeSelect
                label="Cấp"
                data={options(procedureLevelLabel)}
                value={a.level}
                onChange={(e) => update(i, { level: ProcedureLevel.parse(e.currentTarget.value) })}
              />
            </SimpleGrid>
            <Group justify="flex-end" mt="xs">
              <RowActions
                name={`cơ quan ${i + 1}`}
                index={i}
                count={list.length}
                disabled={readOnly}
                onMove={(d) => set('implementingAgencies', move(list, i, d))}
                onRemove={() => set('implementingAgencies', removeAt(list, i))}
              />
            </Group>
          </Fieldset>
        );
      })}
      <ListError message={errors.implementingAgencies} />
      {!readOnly && (
        <Group>
          <Button variant="light" size="xs" onClick={add}>
            Thêm cơ quan
          </Button>
        </Group>
      )}
    </Stack>
  );
}

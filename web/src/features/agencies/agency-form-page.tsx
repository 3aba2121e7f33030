import {
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  type Agency,
  AgencyKind,
  agencyKindLabel,
  CreateAgency,
  UpdateAgency,
} from '../../../../domain/org/agency.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { ApiError } from '../../lib/api.ts';
import { blankToNull, type FieldErrors, fieldErrors, problemFieldErrors } from '../../lib/form.ts';
import { asApiError, useApi } from '../../lib/use-api.ts';
import { createAgency, getAgency, listAgencies, updateAgency } from './agencies.api.ts';
import { AgencySelect } from './agency-select.tsx';

interface Values {
  parentId: string | null;
  name: string;
  shortName: string;
  kind: AgencyKind;
  localKind: string;
  agencyCode: string;
  gsoCode: string;
  validFrom: string;
  validTo: string;
}

const empty: Values = {
  parentId: null,
  name: '',
  shortName: '',
  kind: 'unit',
  localKind: '',
  agencyCode: '',
  gsoCode: '',
  validFrom: '',
  validTo: '',
};

const fromAgency = (a: Agency): Values => ({
  parentId: a.parentId,
  name: a.name,
  shortName: a.shortName ?? '',
  kind: a.kind,
  localKind: a.localKind ?? '',
  agencyCode: a.agencyCode ?? '',
  gsoCode: a.gsoCode ?? '',
  validFrom: a.validFrom ?? '',
  validTo: a.validTo ?? '',
});

const toBody = (v: Values) => ({
  name: v.name,
  shortName: blankToNull(v.shortName),
  kind: v.kind,
  localKind: blankToNull(v.localKind),
  agencyCode: blankToNull(v.agencyCode),
  gsoCode: blankToNull(v.gsoCode),
  validFrom: blankToNull(v.validFrom),
  validTo: blankToNull(v.validTo),
});

const kindOptions = AgencyKind.options.map((k) => ({ value: k, label: agencyKindLabel[k] }));

const inlineFields = /^(parentId|name|shortName|kind|localKind|agencyCode|gsoCode|validFrom|validTo)$/;

/** Create (`/admin/agencies/new`) or edit (`/admin/agencies/:id`) one agency. The parent is fixed once created. */
export function AgencyFormPage() {
  const { id } = useParams();
  const editing = id !== undefined && id !== 'new';
  const navigate = useNavigate();
  const tree = useApi('agencies', listAgencies);
  const current = useApi(`agency:${id ?? ''}`, () => (editing ? getAgency(id) : Promise.resolve(null)));
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (current.data) setValues(fromAgency(current.data));
  }, [current.data]);

  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const parsed = editing
      ? UpdateAgency.safeParse(toBody(values))
      : CreateAgency.safeParse({ parentId: values.parentId, ...toBody(values) });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    if (!editing && !values.parentId && (tree.data?.length ?? 0) > 0) {
      setErrors({ parentId: 'Vui lòng chọn cơ quan cấp trên' });
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      if (editing) await updateAgency(id, parsed.data as UpdateAgency);
      else await createAgency(parsed.data as CreateAgency);
      navigate('/admin/agencies');
    } catch (e) {
      const problem = asApiError(e);
      setFailure(problem);
      setErrors(problemFieldErrors(problem.errors));
    } finally {
      setSaving(false);
    }
  };

  if (editing && current.loading) return <Loader aria-label="Đang tải" />;
  if (editing && current.error) return <ErrorAlert error={current.error} />;

  const title = editing ? `Sửa: ${current.data?.name ?? ''}` : 'Thêm cơ quan, đơn vị';
  const text = (key: Exclude<keyof Values, 'parentId' | 'kind'>) => ({
    value: values[key],
    error: errors[key],
    onChange: (e: { currentTarget: HTMLInputElement }) => set(key)(e.currentTarget.value),
  });

  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to="/admin/agencies" size="sm">
        ← Danh sách cơ quan, đơn vị
      </Anchor>
      <Title order={2}>{title}</Title>
      <Paper withBorder p="md" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <ErrorAlert error={failure ?? tree.error} isShownInline={(path) => inlineFields.test(path)} />
            <AgencySelect
              label="Cơ quan cấp trên"
              agencies={tree.data ?? []}
              value={values.parentId}
              onChange={set('parentId')}
              error={errors.parentId}
              required={!editing}
              disabled={editing}
              description={editing ? 'Không đổi được cơ quan cấp trên sau khi tạo' : undefined}
            />
            <TextInput label="Tên cơ quan, đơn vị" required {...text('name')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Tên viết tắt" {...text('shortName')} />
              <NativeSelect
                label="Loại cơ quan, đơn vị"
                required
                data={kindOptions}
                value={values.kind}
                error={errors.kind}
                onChange={(e) => set('kind')(AgencyKind.parse(e.currentTarget.value))}
              />
              <TextInput label="Tên gọi cấp" placeholder="xã, phường, đặc khu, sở…" {...text('localKind')} />
              <TextInput label="Mã định danh điện tử" placeholder="000.00.00.H56" {...text('agencyCode')} />
              <TextInput label="Mã đơn vị hành chính" placeholder="01 hoặc 00070" {...text('gsoCode')} />
              <div />
              <TextInput type="date" label="Hiệu lực từ ngày" {...text('validFrom')} />
              <TextInput type="date" label="Hiệu lực đến ngày" {...text('validTo')} />
            </SimpleGrid>
            <Group justify="flex-end" mt="sm">
              <Button variant="default" component={Link} to="/admin/agencies">
                Hủy
              </Button>
              <Button type="submit" loading={saving}>
                {editing ? 'Lưu thay đổi' : 'Tạo cơ quan, đơn vị'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

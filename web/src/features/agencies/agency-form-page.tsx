import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { type FormEvent, useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  type Agency,
  AgencyKind,
  agencyKindLabel,
  CreateAgency,
  UpdateAgency,
} from '../../../../domain/org/agency.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormPage } from '../../components/form-page.tsx';
import { blankToNull } from '../../lib/form.ts';
import { useApi } from '../../lib/use-api.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
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
  const { values, setValues, set, text, errors, failure, saving, submit } = useEntityForm(empty);

  useEffect(() => {
    if (current.data) setValues(fromAgency(current.data));
  }, [current.data, setValues]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const done = () => navigate('/admin/agencies');
    if (editing) {
      await submit({
        parsed: UpdateAgency.safeParse(toBody(values)),
        send: (body) => updateAgency(id, body).then(done),
      });
      return;
    }
    const parentMissing = !values.parentId && (tree.data?.length ?? 0) > 0;
    await submit({
      parsed: CreateAgency.safeParse({ parentId: values.parentId, ...toBody(values) }),
      extraErrors: parentMissing ? { parentId: 'Vui lòng chọn cơ quan cấp trên' } : {},
      send: (body) => createAgency(body).then(done),
    });
  };

  const date = (key: 'validFrom' | 'validTo') => ({
    value: values[key],
    error: errors[key],
    onChange: set(key),
  });
  const title = editing ? `Sửa: ${current.data?.name ?? ''}` : 'Thêm cơ quan, đơn vị';
  return (
    <FormPage
      back={{ to: '/admin/agencies', label: 'Danh sách cơ quan, đơn vị' }}
      title={title}
      loading={editing && current.loading}
      loadError={editing ? current.error : undefined}
      onSubmit={save}
      submitLabel={editing ? 'Lưu thay đổi' : 'Tạo cơ quan, đơn vị'}
      saving={saving}
    >
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
        <DateField label="Hiệu lực từ ngày" clearable {...date('validFrom')} />
        <DateField label="Hiệu lực đến ngày" clearable {...date('validTo')} />
      </SimpleGrid>
    </FormPage>
  );
}

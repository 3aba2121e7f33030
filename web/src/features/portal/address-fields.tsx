import { Fieldset, NativeSelect, Text, TextInput } from '@mantine/core';
import type { Agency } from '../../../../domain/org/agency.ts';
import { sortVi } from '../../../../domain/shared/vi.ts';
import type { AddressDraft } from './apply/draft.ts';

interface Option {
  value: string;
  label: string;
}

/** Provinces and communes of the organisation tree, by GSO code, for the address pickers. */
export interface Places {
  provinces: Option[];
  communesOf: (provinceCode: string) => Option[];
  /** "Số 5 phố Hàng Bông, Phường Hoàn Kiếm, Thành phố Hà Nội". */
  describe: (a: { provinceCode?: string; communeCode?: string; street: string }) => string;
  /** The commune (GSO code) an agency belongs to: itself, or its nearest commune ancestor. */
  communeCodeOf: (agencyId: string) => string | undefined;
}

export function placesOf(tree: readonly Agency[]): Places {
  const byId = new Map(tree.map((a) => [a.id, a]));
  const ancestorOfKind = (a: Agency, kind: Agency['kind']): Agency | undefined => {
    for (let at: Agency | undefined = a; at; at = at.parentId ? byId.get(at.parentId) : undefined) {
      if (at.kind === kind) return at;
    }
    return undefined;
  };
  const provinces = tree.filter((a) => a.kind === 'province' && a.gsoCode && /^\d{2}$/.test(a.gsoCode));
  const communes = tree.filter((a) => a.kind === 'commune' && a.gsoCode && /^\d{5}$/.test(a.gsoCode));
  const nameByCode = new Map([...provinces, ...communes].map((a) => [a.gsoCode, a.name]));
  const communesByProvince = new Map<string, Option[]>();
  for (const c of sortVi(communes, (a) => a.name)) {
    const code = ancestorOfKind(c, 'province')?.gsoCode;
    if (!code) continue;
    const list = communesByProvince.get(code) ?? [];
    list.push({ value: c.gsoCode ?? '', label: c.name });
    communesByProvince.set(code, list);
  }
  return {
    provinces: sortVi(provinces, (a) => a.name).map((a) => ({ value: a.gsoCode ?? '', label: a.name })),
    communesOf: (code) => communesByProvince.get(code) ?? [],
    describe: (a) =>
      [
        a.street,
        a.communeCode && nameByCode.get(a.communeCode),
        a.provinceCode && nameByCode.get(a.provinceCode),
      ]
        .filter(Boolean)
        .join(', '),
    communeCodeOf: (id) => {
      const agency = byId.get(id);
      return agency ? (ancestorOfKind(agency, 'commune')?.gsoCode ?? undefined) : undefined;
    },
  };
}

interface AddressFieldsProps {
  legend: string;
  description?: string;
  value: AddressDraft;
  onChange: (value: AddressDraft) => void;
  /** Messages by part (`provinceCode`, `communeCode`, `street`). */
  errors: Partial<Record<keyof AddressDraft, string>>;
  places: Places;
  /** Whether province and commune must be chosen (the street always must). */
  codesRequired: boolean;
  /** Prefix of the inputs' ids, for the error summary's links. */
  idPrefix: string;
}

/**
 * An address as the forms want it: province and commune picked from the organisation tree (their GSO codes go
 * to the server) and the street line typed. Native selects: on a phone they open the system picker.
 */
export function AddressFields(props: AddressFieldsProps) {
  const { value, onChange, errors, places, codesRequired, idPrefix } = props;
  const communes = places.communesOf(value.provinceCode);
  return (
    <Fieldset
      legend={props.legend}
      variant="unstyled"
      p={0}
      m={0}
      styles={{ legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)', marginBottom: 4 } }}
    >
      {props.description && (
        <Text size="sm" c="dimmed" mb="xs">
          {props.description}
        </Text>
      )}
      <NativeSelect
        id={`${idPrefix}.provinceCode`}
        label="Tỉnh, thành phố"
        size="md"
        withAsterisk={codesRequired}
        data={[{ value: '', label: 'Chọn tỉnh, thành phố' }, ...places.provinces]}
        value={value.provinceCode}
        error={errors.provinceCode}
        onChange={(e) => onChange({ ...value, provinceCode: e.currentTarget.value, communeCode: '' })}
      />
      <NativeSelect
        id={`${idPrefix}.communeCode`}
        label="Xã, phường, đặc khu"
        size="md"
        mt="sm"
        withAsterisk={codesRequired}
        disabled={!value.provinceCode}
        data={[
          { value: '', label: value.provinceCode ? 'Chọn xã, phường, đặc khu' : 'Chọn tỉnh trước' },
          ...communes,
        ]}
        value={value.communeCode}
        error={errors.communeCode}
        onChange={(e) => onChange({ ...value, communeCode: e.currentTarget.value })}
      />
      <TextInput
        id={`${idPrefix}.street`}
        label="Số nhà, đường, thôn, tổ dân phố"
        size="md"
        mt="sm"
        withAsterisk
        autoComplete="street-address"
        maxLength={300}
        value={value.street}
        error={errors.street}
        onChange={(e) => onChange({ ...value, street: e.currentTarget.value })}
      />
    </Fieldset>
  );
}

import { Alert, NativeSelect, Stack, TextInput } from '@mantine/core';
import type { ProcedureVersion } from '../../../../../domain/catalogue/index.ts';
import type { Agency } from '../../../../../domain/org/agency.ts';
import { AddressFields, type Places } from '../address-fields.tsx';
import { type ApplicantDraft, applicantLink, type Draft, fieldsOf, type Problems } from './draft.ts';

interface ApplicantStepProps {
  version: ProcedureVersion;
  draft: Draft;
  update: (change: (d: Draft) => Draft) => void;
  problems: Problems;
  desks: readonly Agency[];
  places: Places;
}

const defaultLabels: Record<Exclude<keyof ApplicantDraft, 'address'>, string> = {
  fullName: 'Họ, chữ đệm, tên',
  citizenId: 'Số định danh cá nhân (căn cước)',
  phone: 'Số điện thoại',
  email: 'Thư điện tử',
};

/** Where to hand in the dossier, and who applies (filled from the profile; the form's own applicant fields). */
export function ApplicantStep({ version, draft, update, problems, desks, places }: ApplicantStepProps) {
  const linked = fieldsOf(version).filter((f) => applicantLink(f));
  const fieldOf = (to: keyof ApplicantDraft) => linked.find((f) => applicantLink(f) === to);
  const label = (to: Exclude<keyof ApplicantDraft, 'address'>) => fieldOf(to)?.label ?? defaultLabels[to];
  const required = (to: keyof ApplicantDraft) =>
    to === 'fullName' || to === 'citizenId' || fieldOf(to)?.required === true;
  const a = draft.applicant;
  const set = (patch: Partial<ApplicantDraft>) =>
    update((d) => ({ ...d, applicant: { ...d.applicant, ...patch } }));

  const text = (to: 'fullName' | 'citizenId' | 'phone' | 'email', extra: Record<string, unknown>) => (
    <TextInput
      id={`applicant.${to}`}
      label={label(to)}
      size="md"
      withAsterisk={required(to)}
      value={a[to]}
      error={problems[`applicant.${to}`]}
      onChange={(e) => set({ [to]: e.currentTarget.value })}
      {...extra}
    />
  );

  return (
    <Stack gap="md">
      {desks.length === 0 ? (
        <Alert color="yellow" title="Chưa có nơi tiếp nhận trực tuyến">
          Thủ tục này chưa có Bộ phận Một cửa nào nhận hồ sơ trực tuyến. Vui lòng nộp trực tiếp.
        </Alert>
      ) : (
        <NativeSelect
          id="desk"
          label="Nơi tiếp nhận hồ sơ"
          description="Bộ phận Một cửa kiểm tra, tiếp nhận hồ sơ và hẹn ngày trả kết quả"
          size="md"
          withAsterisk
          data={[
            { value: '', label: 'Chọn nơi tiếp nhận' },
            ...desks.map((d) => ({ value: d.id, label: d.name })),
          ]}
          value={draft.deskId}
          error={problems.desk}
          onChange={(e) => {
            const deskId = e.currentTarget.value;
            update((d) => ({ ...d, deskId }));
          }}
        />
      )}
      {text('fullName', { autoComplete: 'name', maxLength: 200 })}
      {text('citizenId', {
        inputMode: 'numeric',
        autoComplete: 'off',
        maxLength: 15,
        description: '12 chữ số trên thẻ căn cước',
      })}
      {text('phone', { type: 'tel', inputMode: 'tel', autoComplete: 'tel-national' })}
      {text('email', { type: 'email', autoComplete: 'email' })}
      <AddressFields
        legend={fieldOf('address')?.label ?? 'Nơi cư trú'}
        value={a.address}
        onChange={(address) =>
          // Choosing one's commune also proposes its desk, when none is chosen yet.
          update((d) => ({
            ...d,
            applicant: { ...d.applicant, address },
            deskId:
              d.deskId ||
              (desks.find((desk) => places.communeCodeOf(desk.id) === address.communeCode)?.id ?? ''),
          }))
        }
        errors={{
          provinceCode: problems['applicant.provinceCode'],
          communeCode: problems['applicant.communeCode'],
          street: problems['applicant.street'],
        }}
        places={places}
        codesRequired={required('address')}
        idPrefix="applicant"
      />
    </Stack>
  );
}

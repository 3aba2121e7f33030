import { Checkbox, Fieldset, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { Ref } from 'react';
import type { IntakeDraft } from './intake-form.ts';

interface ApplicantFieldsProps {
  draft: IntakeDraft;
  set: (patch: Partial<IntakeDraft>) => void;
  errorAt: (path: string) => string | undefined;
  /** The first input, focused once a procedure is picked. */
  firstRef?: Ref<HTMLInputElement>;
}

/** The applicant (a person or an organisation) and, when someone else brings the dossier, the submitter. */
export function ApplicantFields({ draft: d, set, errorAt, firstRef }: ApplicantFieldsProps) {
  const person = d.applicantKind === 'person';
  return (
    <Fieldset legend="Người nộp hồ sơ (chủ hồ sơ)">
      <Stack gap="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="applicant-kind-label">
            Chủ hồ sơ là
          </Text>
          <SegmentedControl
            aria-labelledby="applicant-kind-label"
            value={d.applicantKind}
            onChange={(v) => set({ applicantKind: v === 'organisation' ? 'organisation' : 'person' })}
            data={[
              { value: 'person', label: 'Cá nhân' },
              { value: 'organisation', label: 'Tổ chức' },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
        </Stack>
        {person ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              ref={firstRef}
              label="Họ, chữ đệm và tên"
              withAsterisk
              value={d.fullName}
              onChange={(e) => set({ fullName: e.currentTarget.value })}
              error={errorAt('applicant.fullName')}
              autoComplete="off"
            />
            <TextInput
              label="Số định danh cá nhân (căn cước)"
              withAsterisk
              inputMode="numeric"
              maxLength={15}
              placeholder="12 chữ số"
              value={d.citizenId}
              onChange={(e) => set({ citizenId: e.currentTarget.value })}
              error={errorAt('applicant.citizenId')}
              autoComplete="off"
            />
          </SimpleGrid>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              ref={firstRef}
              label="Tên tổ chức"
              withAsterisk
              value={d.orgName}
              onChange={(e) => set({ orgName: e.currentTarget.value })}
              error={errorAt('applicant.name')}
            />
            <TextInput
              label="Mã số thuế / mã số doanh nghiệp"
              inputMode="numeric"
              value={d.taxCode}
              onChange={(e) => set({ taxCode: e.currentTarget.value })}
              error={errorAt('applicant.taxCode')}
            />
            <TextInput
              label="Người đại diện"
              withAsterisk
              value={d.representative}
              onChange={(e) => set({ representative: e.currentTarget.value })}
              error={errorAt('applicant.representative')}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="Số điện thoại"
            type="tel"
            inputMode="tel"
            value={d.phone}
            onChange={(e) => set({ phone: e.currentTarget.value })}
            error={errorAt('applicant.phone')}
            autoComplete="off"
          />
          <TextInput
            label="Thư điện tử"
            type="email"
            value={d.email}
            onChange={(e) => set({ email: e.currentTarget.value })}
            error={errorAt('applicant.email')}
            autoComplete="off"
          />
        </SimpleGrid>
        <TextInput
          label="Địa chỉ (số nhà, đường, tổ dân phố)"
          withAsterisk
          value={d.street}
          onChange={(e) => set({ street: e.currentTarget.value })}
          error={errorAt('applicant.address.street') ?? errorAt('applicant.address')}
          autoComplete="off"
        />
        <Checkbox
          label="Người khác nộp thay (ủy quyền, người thân)"
          checked={d.hasSubmitter}
          onChange={(e) => set({ hasSubmitter: e.currentTarget.checked })}
        />
        {d.hasSubmitter && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="Họ và tên người nộp"
              withAsterisk
              value={d.submitterName}
              onChange={(e) => set({ submitterName: e.currentTarget.value })}
              error={errorAt('submitter.fullName')}
            />
            <TextInput
              label="Số định danh người nộp"
              inputMode="numeric"
              value={d.submitterCitizenId}
              onChange={(e) => set({ submitterCitizenId: e.currentTarget.value })}
              error={errorAt('submitter.citizenId')}
            />
            <TextInput
              label="Số điện thoại người nộp"
              type="tel"
              value={d.submitterPhone}
              onChange={(e) => set({ submitterPhone: e.currentTarget.value })}
              error={errorAt('submitter.phone')}
            />
            <TextInput
              label="Quan hệ với chủ hồ sơ"
              placeholder="Ví dụ: cha của người được nhận; theo giấy ủy quyền số…"
              value={d.submitterRelation}
              onChange={(e) => set({ submitterRelation: e.currentTarget.value })}
              error={errorAt('submitter.relation')}
            />
          </SimpleGrid>
        )}
      </Stack>
    </Fieldset>
  );
}

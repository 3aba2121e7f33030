import {
  Alert,
  Anchor,
  Button,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { Agency } from '../../../../domain/org/agency.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { TypedDateField } from '../../components/typed-date-field.tsx';
import type { ApiError } from '../../lib/api.ts';
import { formatDate, formatDateThenTime } from '../../lib/format.ts';
import { asApiError, useApi } from '../../lib/use-api.ts';
import { todayInVietnam } from '../calendar/dates.ts';
import { OidcFailureAlert, oidcFailureOf, oidcStartHref, useOidcStatus } from './account/oidc-sign-in.tsx';
import { type CitizenProfile, getProfile, saveProfile } from './account.api.ts';
import { AddressFields, placesOf } from './address-fields.tsx';
import { useValidation, warmValidation } from './load-validation.ts';
import { listPublicTree } from './places.api.ts';
import { ProblemSummary } from './problem-summary.tsx';
import {
  bodyOf,
  draftOf,
  keyOfServerPath,
  type ProfileDraft,
  type ProfileProblems,
  problemsOf,
} from './profile-form.ts';

const focusField = (key: string) => {
  const el = document.getElementById(key);
  el?.focus();
  el?.scrollIntoView({ block: 'center' });
};

function ProfileForm({ profile, tree }: { profile: CitizenProfile; tree: Agency[] }) {
  const { refresh } = useSession();
  const places = useMemo(() => placesOf(tree), [tree]);
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(profile));
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [serverProblems, setServerProblems] = useState<ProfileProblems>({});
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  const saved = useRef<HTMLDivElement>(null);

  const [rules, loadRules] = useValidation(setError);
  const problems: ProfileProblems = {
    ...(attempted && rules ? problemsOf(rules, draft, todayInVietnam()) : {}),
    ...serverProblems,
  };
  const set = (patch: Partial<ProfileDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setServerProblems({});
    setSavedAt(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const loadedRules = await loadRules();
    if (!loadedRules) return;
    setAttempted(true);
    const found = problemsOf(loadedRules, draft, todayInVietnam());
    const first = Object.keys(found)[0];
    if (first) {
      focusField(first);
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      const next = await saveProfile(bodyOf(draft));
      setDraft(draftOf(next));
      setSavedAt(next.updatedAt);
      setAttempted(false);
      // The header shows the account's name, which the profile may have changed.
      await refresh().catch(() => undefined);
      requestAnimationFrame(() => saved.current?.focus());
    } catch (err) {
      const problem = asApiError(err);
      setError(problem);
      setServerProblems(
        Object.fromEntries(problem.errors.map((fe) => [keyOfServerPath(fe.path), fe.message])),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} onFocus={warmValidation} noValidate aria-label="Thông tin cá nhân">
      <Stack gap="md">
        {savedAt && (
          <Alert
            ref={saved}
            tabIndex={-1}
            color="green"
            title="Đã lưu"
            role="status"
            style={{ outline: 'none' }}
          >
            Thông tin được dùng để điền sẵn khi bạn nộp hồ sơ (lưu lúc {formatDateThenTime(savedAt)}).
          </Alert>
        )}
        <ProblemSummary problems={problems} need="cần sửa" onPick={focusField} />
        <ErrorAlert error={error} preferDetail isShownInline={(p) => keyOfServerPath(p) in serverProblems} />
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <TextInput
              id="fullName"
              label="Họ và tên"
              withAsterisk
              size="md"
              autoComplete="name"
              maxLength={200}
              value={draft.fullName}
              error={problems.fullName}
              onChange={(e) => set({ fullName: e.currentTarget.value })}
            />
            <TypedDateField
              id="dateOfBirth"
              label="Ngày sinh"
              description="Ngày/tháng/năm, ví dụ 05/09/1990"
              size="md"
              value={draft.dateOfBirth}
              error={problems.dateOfBirth}
              onChange={(v) => set({ dateOfBirth: v })}
            />
            <NativeSelect
              id="sex"
              label="Giới tính"
              size="md"
              data={[
                { value: '', label: 'Chưa chọn' },
                { value: 'male', label: 'Nam' },
                { value: 'female', label: 'Nữ' },
              ]}
              value={draft.sex}
              error={problems.sex}
              onChange={(e) => set({ sex: e.currentTarget.value as ProfileDraft['sex'] })}
            />
            <TextInput
              id="citizenId"
              label="Số định danh cá nhân (căn cước)"
              description="12 chữ số"
              size="md"
              inputMode="numeric"
              maxLength={15}
              value={draft.citizenId}
              error={problems.citizenId}
              onChange={(e) => set({ citizenId: e.currentTarget.value })}
            />
            <TextInput
              id="phone"
              label="Số điện thoại"
              size="md"
              type="tel"
              autoComplete="tel"
              maxLength={20}
              value={draft.phone}
              error={problems.phone}
              onChange={(e) => set({ phone: e.currentTarget.value })}
            />
            <TextInput
              id="email"
              label="Thư điện tử"
              size="md"
              type="email"
              autoComplete="email"
              maxLength={254}
              value={draft.email}
              error={problems.email}
              onChange={(e) => set({ email: e.currentTarget.value })}
            />
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <AddressFields
            legend="Nơi cư trú"
            value={draft.address}
            onChange={(address) => set({ address })}
            errors={{
              provinceCode: problems['address.provinceCode'],
              communeCode: problems['address.communeCode'],
              street: problems['address.street'],
            }}
            places={places}
            codesRequired={false}
            idPrefix="address"
          />
        </Paper>
        <Button type="submit" size="lg" loading={saving} fullWidth>
          Lưu thông tin
        </Button>
      </Stack>
    </form>
  );
}

const PROFILE_PATH = '/cong-dan/ho-so-ca-nhan';

/**
 * Sign-in with the national digital ID: linked since when, or the button that links it (the provider's pages,
 * then back here; ADR 0009). A link the server refused comes back with `?loi=<reason>`, said here.
 */
function DigitalIdLink({ linked }: { linked: CitizenProfile['linkedIdentities'] }) {
  const oidc = useOidcStatus();
  const location = useLocation();
  const failure = oidcFailureOf(location.search);
  const name = oidc.displayName ?? 'VNeID';
  const section = useRef<HTMLElement>(null);
  // Back from a refused link: the reason is below the form, bring it into view.
  useEffect(() => {
    if (failure) section.current?.scrollIntoView({ block: 'center' });
  }, [failure]);
  if (!oidc.enabled && linked.length === 0) return null;
  return (
    <Paper ref={section} withBorder radius="md" p="md" component="section" aria-labelledby="digital-id-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="digital-id-title">
          Tài khoản định danh điện tử
        </Title>
        {failure && <OidcFailureAlert reason={failure} displayName={name} />}
        {linked.length > 0 ? (
          <Text size="sm" data-testid="digital-id-linked">
            Đã liên kết với {name} từ ngày {formatDate(linked[0]!.linkedAt)}: bạn có thể đăng nhập bằng {name}{' '}
            hoặc bằng mật khẩu.
          </Text>
        ) : (
          <>
            <Text size="sm">
              Liên kết với {name} để lần sau đăng nhập bằng {name}, không cần mật khẩu. Hồ sơ và thông tin đã
              lưu vẫn giữ nguyên.
            </Text>
            <Button component="a" href={oidcStartHref(oidc, PROFILE_PATH)} variant="outline" color="red.9">
              Liên kết với {name}
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** The citizen's saved personal data, which prefills the "Người nộp hồ sơ" step of every application. */
export function ProfilePage() {
  const loaded = useApi('citizen-profile', async () => {
    const [profile, tree] = await Promise.all([getProfile(), listPublicTree()]);
    return { profile, tree };
  });
  return (
    <Stack gap="md" maw={640} mx="auto" w="100%">
      <div>
        <Title order={2}>Thông tin cá nhân</Title>
        <Text size="sm" c="dimmed">
          Lưu một lần, được điền sẵn khi nộp hồ sơ trực tuyến. Chỉ bạn xem và sửa được.
        </Text>
      </div>
      <ErrorAlert error={loaded.error} preferDetail />
      {loaded.data ? (
        <>
          <ProfileForm profile={loaded.data.profile} tree={loaded.data.tree} />
          <DigitalIdLink linked={loaded.data.profile.linkedIdentities} />
        </>
      ) : (
        !loaded.error && <Loader aria-label="Đang tải" />
      )}
      <Anchor component={Link} to="/cong-dan/ho-so" size="sm">
        ← Hồ sơ của tôi
      </Anchor>
    </Stack>
  );
}

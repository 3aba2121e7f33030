import { Alert, Anchor, Button, Group, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { User } from '../../../../../domain/access/roles.ts';
import type { ProcedureDetail } from '../../../../../domain/catalogue/index.ts';
import type { Agency } from '../../../../../domain/org/agency.ts';
import { PageLoader } from '../../../app/guards.tsx';
import { useSession } from '../../../app/session.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { ApiError } from '../../../lib/api.ts';
import { formatDateThenTime } from '../../../lib/format.ts';
import { asApiError, useApi } from '../../../lib/use-api.ts';
import { todayInVietnam } from '../../calendar/dates.ts';
import { getProcedure } from '../../catalogue/catalogue.api.ts';
import { type CitizenProfile, getProfile, saveProfile } from '../account.api.ts';
import { type Places, placesOf } from '../address-fields.tsx';
import { newIdempotencyKey, submitOnline } from '../dossiers.api.ts';
import { useValidation, warmValidation } from '../load-validation.ts';
import { listPublicTree, listReceivingDesks } from '../places.api.ts';
import { ProblemSummary } from '../problem-summary.tsx';
import { ApplicantStep } from './applicant-step.tsx';
import {
  type Draft,
  dropDraft,
  emptyAddress,
  keyOfServerPath,
  LAST_STEP,
  loadDraft,
  type Problems,
  problemsOf,
  problemsOfStep,
  STEPS,
  type StoredUpload,
  saveDraft,
  stepOfProblem,
  submissionOf,
} from './draft.ts';
import { useUploads } from './use-uploads.ts';

// The first step comes with the page; the others load when reached (or when a saved draft reopens on them).
const FormStep = lazy(async () => ({ default: (await import('./form-step.tsx')).FormStep }));
const DocumentsStep = lazy(async () => ({ default: (await import('./documents-step.tsx')).DocumentsStep }));
const DeliveryStep = lazy(async () => ({ default: (await import('./delivery-step.tsx')).DeliveryStep }));
const ReviewStep = lazy(async () => ({ default: (await import('./review-step.tsx')).ReviewStep }));

interface Loaded {
  detail: ProcedureDetail;
  desks: Agency[];
  tree: Agency[];
  profile: CitizenProfile;
}

const loadApplication = async (code: string): Promise<Loaded> => {
  const [detail, desks, tree, profile] = await Promise.all([
    getProcedure(code),
    listReceivingDesks(code),
    listPublicTree(),
    getProfile(),
  ]);
  return { detail, desks, tree, profile };
};

/** A new draft, filled from the profile (and the account's own phone or e-mail). */
function newDraft(data: Loaded, user: User, places: Places): Draft {
  const { profile, desks, detail } = data;
  const address = {
    provinceCode: profile.address?.provinceCode ?? '',
    communeCode: profile.address?.communeCode ?? '',
    street: profile.address?.street ?? '',
  };
  const ownDesk = desks.find(
    (d) => places.communeCodeOf(d.id) === address.communeCode && address.communeCode,
  );
  return {
    v: 1,
    procedureCode: detail.summary.nationalCode,
    version: detail.summary.version,
    idempotencyKey: newIdempotencyKey(),
    step: 0,
    deskId: ownDesk?.id ?? (desks.length === 1 ? (desks[0]?.id ?? '') : ''),
    applicant: {
      fullName: profile.fullName || user.fullName,
      citizenId: profile.citizenId ?? '',
      phone: profile.phone ?? user.phone ?? '',
      email: profile.email ?? user.email ?? '',
      address,
    },
    form: {},
    files: {},
    delivery: 'counter',
    postal: emptyAddress(),
    saveToProfile: profile.updatedAt === null,
    pledged: false,
    savedAt: new Date().toISOString(),
  };
}

/** Focuses the input a problem is about (the key is the id of the input or of its wrapper). */
const focusProblem = (key: string) => {
  const el = document.getElementById(key);
  const target = el?.matches('input, select, textarea, button')
    ? el
    : el?.querySelector<HTMLElement>('input, select, textarea, button');
  target?.focus();
  target?.scrollIntoView({ block: 'center' });
};

const isReplayConflict = (e: ApiError) =>
  e.status === 409 && e.errors.some((x) => x.path === 'Idempotency-Key');

function Application({ data, user }: { data: Loaded; user: User }) {
  const { csrfToken } = useSession();
  const navigate = useNavigate();
  const { detail, desks } = data;
  const version = detail.version;
  const code = detail.summary.nationalCode;
  const places = useMemo(() => placesOf(data.tree), [data.tree]);

  const [notice, setNotice] = useState<string>();
  const [draft, setDraft] = useState<Draft>(() => {
    const stored = loadDraft(user.id, code);
    if (stored?.version === detail.summary.version) return stored;
    const fresh = newDraft(data, user, places);
    if (!stored) return fresh;
    // Another version has another form and checklist: only who applies, and where, carry over.
    return { ...fresh, applicant: stored.applicant, deskId: stored.deskId || fresh.deskId };
  });
  useEffect(() => {
    const stored = loadDraft(user.id, code);
    if (stored && stored.version !== detail.summary.version) {
      setNotice(
        'Thủ tục đã có phiên bản mới: tờ khai và giấy tờ cần khai lại; thông tin người nộp được giữ.',
      );
    }
  }, [user.id, code, detail.summary.version]);

  const [serverProblems, setServerProblems] = useState<Problems>({});
  const update = useCallback((change: (d: Draft) => Draft) => {
    setDraft((d) => ({ ...change(d), savedAt: new Date().toISOString() }));
    setServerProblems({});
  }, []);

  const [kept, setKept] = useState(true);
  useEffect(() => setKept(saveDraft(user.id, draft)), [user.id, draft]);

  const onStored = useCallback(
    (slot: string, file: StoredUpload) =>
      update((d) => ({ ...d, files: { ...d.files, [slot]: [...(d.files[slot] ?? []), file] } })),
    [update],
  );
  const uploads = useUploads(csrfToken, onStored);

  const step = Math.min(Math.max(draft.step, 0), LAST_STEP);
  // The checks load with the first focus (or the first "Tiếp tục"): not part of the page's first download.
  const [error, setError] = useState<ApiError>();
  const [rules, loadRules] = useValidation(setError);
  const all = useMemo(
    () => (rules ? problemsOf(rules, version, draft, todayInVietnam()) : {}),
    [rules, version, draft],
  );
  const [attempted, setAttempted] = useState<number[]>([]);
  const visible: Problems = {
    ...(attempted.includes(step) ? problemsOfStep(all, step) : {}),
    ...problemsOfStep(serverProblems, step),
  };
  const [submitting, setSubmitting] = useState(false);

  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new step is what moves the focus.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    headingRef.current?.focus();
  }, [step]);

  const goTo = (next: number) => update((d) => ({ ...d, step: next }));

  /** The problems of the draft now, once the checks are loaded (undefined, and said, if they cannot be). */
  const checkNow = async (): Promise<Problems | undefined> => {
    const loaded = await loadRules();
    return loaded && problemsOf(loaded, version, draft, todayInVietnam());
  };

  const next = async () => {
    setAttempted((a) => (a.includes(step) ? a : [...a, step]));
    if (step === 2 && uploads.busy) {
      setError(new ApiError({ status: 0, code: 'BUSY', title: 'Vui lòng chờ các tệp tải lên xong.' }));
      return;
    }
    setError(undefined);
    const now = await checkNow();
    if (!now || Object.keys(problemsOfStep(now, step)).length > 0) return;
    goTo(step + 1);
  };

  const submit = async () => {
    setAttempted(STEPS.map((_, i) => i));
    const now = await checkNow();
    if (!now) return;
    const firstBad = Math.min(...Object.keys(now).map(stepOfProblem));
    if (Number.isFinite(firstBad)) {
      if (firstBad !== step) goTo(firstBad);
      return;
    }
    setSubmitting(true);
    setError(undefined);
    try {
      const dossier = await submitOnline(submissionOf(version, draft), draft.idempotencyKey);
      if (draft.saveToProfile) {
        const a = draft.applicant;
        const address = a.address.street.trim()
          ? {
              ...(a.address.provinceCode ? { provinceCode: a.address.provinceCode } : {}),
              ...(a.address.communeCode ? { communeCode: a.address.communeCode } : {}),
              street: a.address.street,
            }
          : null;
        // A convenience for next time: a profile the server refuses must not spoil a dossier already in.
        await saveProfile({
          fullName: a.fullName,
          dateOfBirth: data.profile.dateOfBirth,
          sex: data.profile.sex,
          citizenId: a.citizenId,
          phone: a.phone.trim() || null,
          email: a.email.trim() || null,
          address,
        }).catch(() => undefined);
      }
      dropDraft(user.id, code);
      navigate(`/cong-dan/ho-so/${dossier.id}/da-nop`, { replace: true });
    } catch (e) {
      const problem = asApiError(e);
      setError(problem);
      const mapped: Problems = {};
      for (const fe of problem.errors) {
        const key = keyOfServerPath(version, fe.path, fe.message);
        if (key) mapped[key] ??= fe.message;
      }
      setServerProblems(mapped);
      const back = Math.min(...Object.keys(mapped).map(stepOfProblem));
      if (Number.isFinite(back) && back !== step) setDraft((d) => ({ ...d, step: back }));
    } finally {
      setSubmitting(false);
    }
  };

  const stepProps = { version, draft, update, problems: visible };
  return (
    <Stack gap="md" maw={640} mx="auto" w="100%" onFocus={warmValidation}>
      <Anchor component={Link} to={`/thu-tuc/${code}`} size="sm">
        ← Thông tin thủ tục
      </Anchor>
      <div>
        <Text size="sm" c="dimmed">
          Nộp hồ sơ trực tuyến
        </Text>
        <Title order={2}>{detail.summary.name}</Title>
      </div>
      {notice && (
        <Alert color="yellow" withCloseButton onClose={() => setNotice(undefined)} closeButtonLabel="Đóng">
          {notice}
        </Alert>
      )}
      <div>
        <Text size="sm" fw={500} mb={4}>
          Bước {step + 1}/{STEPS.length}
        </Text>
        <Progress
          value={((step + 1) / STEPS.length) * 100}
          aria-label={`Bước ${step + 1} trên ${STEPS.length}: ${STEPS[step]}`}
        />
      </div>
      <Title order={3} size="h3" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
        {STEPS[step]}
      </Title>

      {error && isReplayConflict(error) ? (
        <Alert color="yellow" title="Bản nháp này đã được nộp trước đó" role="alert">
          <Text size="sm">
            Hồ sơ từ bản nháp này đã vào hệ thống (có thể câu trả lời bị mất do mạng). Hãy kiểm tra trong «Hồ
            sơ của tôi» trước khi nộp lại.
          </Text>
          <Group gap="xs" mt="sm">
            <Button component={Link} to="/cong-dan/ho-so" size="sm">
              Xem hồ sơ của tôi
            </Button>
            <Button
              size="sm"
              variant="default"
              onClick={() => {
                update((d) => ({ ...d, idempotencyKey: newIdempotencyKey() }));
                setError(undefined);
              }}
            >
              Nộp thành hồ sơ mới
            </Button>
          </Group>
        </Alert>
      ) : (
        <ErrorAlert
          error={error}
          preferDetail
          isShownInline={(path) => !!keyOfServerPath(version, path, '')}
        />
      )}
      <ProblemSummary problems={visible} need="cần bổ sung hoặc sửa" onPick={focusProblem} block />

      <Suspense fallback={<PageLoader />}>
        {step === 0 && <ApplicantStep {...stepProps} desks={desks} places={places} />}
        {step === 1 && <FormStep {...stepProps} places={places} />}
        {step === 2 && <DocumentsStep {...stepProps} uploads={uploads} />}
        {step === 3 && <DeliveryStep {...stepProps} places={places} />}
        {step === LAST_STEP && <ReviewStep {...stepProps} desks={desks} places={places} goTo={goTo} />}
      </Suspense>

      <Group grow gap="sm" mt="sm">
        {step > 0 && (
          <Button variant="default" size="lg" onClick={() => goTo(step - 1)}>
            Quay lại
          </Button>
        )}
        {step < LAST_STEP ? (
          <Button size="lg" onClick={next} disabled={desks.length === 0}>
            Tiếp tục
          </Button>
        ) : (
          <Button size="lg" onClick={submit} loading={submitting}>
            Nộp hồ sơ
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed" ta="center">
        {kept
          ? `Bản nháp được lưu trên máy này lúc ${formatDateThenTime(draft.savedAt)}.`
          : 'Trình duyệt không cho lưu bản nháp: đừng tải lại trang trước khi nộp.'}
      </Text>
    </Stack>
  );
}

/** Online application for a procedure: five steps over a draft kept on the device until it is submitted. */
export function ApplyPage() {
  const { code = '' } = useParams();
  const { user } = useSession();
  const loaded = useApi(`apply:${code}`, () => loadApplication(code));
  if (loaded.error) {
    return (
      <Stack gap="md" maw={640} mx="auto" w="100%">
        <ErrorAlert error={loaded.error} preferDetail />
        <Anchor component={Link} to="/thu-tuc">
          ← Danh sách thủ tục
        </Anchor>
      </Stack>
    );
  }
  if (!loaded.data || !user) return <Loader aria-label="Đang tải" />;
  const v = loaded.data.detail.version;
  if (v.onlineLevel === 'none' || !v.onlineForm) {
    return (
      <Stack gap="md" maw={640} mx="auto" w="100%">
        <Alert color="yellow" title="Thủ tục chưa nộp được trực tuyến">
          «{loaded.data.detail.summary.name}» chỉ nhận hồ sơ trực tiếp hoặc qua bưu chính.
        </Alert>
        <Anchor component={Link} to={`/thu-tuc/${code}`}>
          ← Thông tin thủ tục
        </Anchor>
      </Stack>
    );
  }
  return <Application key={code} data={loaded.data} user={user} />;
}

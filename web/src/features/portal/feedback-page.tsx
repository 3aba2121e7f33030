import {
  Alert,
  Anchor,
  Button,
  Loader,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Agency } from '../../../../domain/org/agency.ts';
import type { FeedbackKind, FeedbackReceipt, FeedbackRequest } from '../../../../domain/rating/feedback.ts';
import {
  FEEDBACK_CONTENT_MAX,
  FEEDBACK_CONTENT_MIN,
  feedbackKindLabel,
} from '../../../../domain/rating/labels.ts';
import { sortVi } from '../../../../domain/shared/vi.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { type ApiError, api } from '../../lib/api.ts';
import { formatDateThenTime } from '../../lib/format.ts';
import { asApiError, useApi } from '../../lib/use-api.ts';
import { listProcedures } from '../catalogue/catalogue.api.ts';
import { useValidation, type Validation, warmValidation } from './load-validation.ts';
import { listPublicTree } from './places.api.ts';

const sendFeedback = (body: FeedbackRequest) => api.post<FeedbackReceipt>('/api/public/feedback', body);

interface Draft {
  kind: FeedbackKind;
  content: string;
  dossierCode: string;
  procedureCode: string;
  agencyId: string;
  name: string;
  phone: string;
  email: string;
  address: string;
}

const optional = (s: string) => (s.trim() ? s.trim() : undefined);

function requestOf(d: Draft) {
  const contact = {
    name: d.name.trim(),
    phone: optional(d.phone),
    email: optional(d.email),
    address: optional(d.address),
  };
  return {
    kind: d.kind,
    content: d.content.trim(),
    contact: Object.fromEntries(Object.entries(contact).filter(([, v]) => v !== undefined)),
    ...(optional(d.dossierCode) ? { dossierCode: d.dossierCode.trim() } : {}),
    ...(d.procedureCode ? { procedureCode: d.procedureCode } : {}),
    ...(d.agencyId && !optional(d.dossierCode) ? { agencyId: d.agencyId } : {}),
  };
}

const plainer: Record<string, string> = {
  'contact.name': 'Vui lòng nhập họ và tên',
};

function problemsOf({ FeedbackRequest }: Validation, d: Draft): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of FeedbackRequest.safeParse(requestOf(d)).error?.issues ?? []) {
    const key = issue.path.map(String).join('.');
    out[key] ??= issue.message === 'Không được để trống' ? (plainer[key] ?? issue.message) : issue.message;
  }
  return out;
}

const keyOf = (path: string) => path.replace(/^\//, '').replaceAll('/', '.');

/** Agencies people address: the province, its departments, communes and service centres. */
const addressable = (tree: readonly Agency[]) =>
  sortVi(
    tree.filter((a) => ['province', 'department', 'commune', 'serviceCentre'].includes(a.kind)),
    (a) => a.name,
  );

function Done({ receipt, onAgain }: { receipt: FeedbackReceipt; onAgain: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Stack gap="md">
      <Alert
        ref={ref}
        tabIndex={-1}
        color="green"
        title="Đã gửi phản ánh, kiến nghị"
        style={{ outline: 'none' }}
      >
        <Text size="sm">{receipt.message}</Text>
      </Alert>
      <Paper withBorder radius="md" p="lg" ta="center">
        <Text size="sm" c="dimmed">
          Số phản ánh, kiến nghị
        </Text>
        <Title order={3} ff="monospace" size="h2" data-testid="feedback-number">
          {receipt.number}
        </Title>
        <Text size="sm" c="dimmed" mt={4}>
          Gửi tới {receipt.agency.name} lúc {formatDateThenTime(receipt.receivedAt)}
        </Text>
      </Paper>
      <Text size="sm">Hãy ghi lại số này để hỏi về phản ánh, kiến nghị của bạn.</Text>
      <Button variant="default" size="md" onClick={onAgain}>
        Gửi phản ánh, kiến nghị khác
      </Button>
    </Stack>
  );
}

function FeedbackForm({
  agencies,
  procedures,
}: {
  agencies: Agency[];
  procedures: { value: string; label: string }[];
}) {
  const { user } = useSession();
  const empty = (): Draft => ({
    kind: 'feedback',
    content: '',
    dossierCode: '',
    procedureCode: '',
    agencyId: '',
    name: user?.kind === 'citizen' ? user.fullName : '',
    phone: user?.kind === 'citizen' ? (user.phone ?? '') : '',
    email: user?.kind === 'citizen' ? (user.email ?? '') : '',
    address: '',
  });
  const [draft, setDraft] = useState<Draft>(empty);
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  const [receipt, setReceipt] = useState<FeedbackReceipt>();
  const [rules, loadRules] = useValidation(setError);
  const problems = { ...(attempted && rules ? problemsOf(rules, draft) : {}), ...server };
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setServer({});
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const loadedRules = await loadRules();
    if (!loadedRules) return;
    setAttempted(true);
    const first = Object.keys(problemsOf(loadedRules, draft))[0];
    if (first) {
      document.getElementById(`feedback.${first}`)?.focus();
      return;
    }
    setSending(true);
    setError(undefined);
    try {
      setReceipt(await sendFeedback(requestOf(draft) as FeedbackRequest));
      window.scrollTo(0, 0);
    } catch (err) {
      const problem = asApiError(err);
      setError(problem);
      setServer(Object.fromEntries(problem.errors.map((x) => [keyOf(x.path), x.message])));
    } finally {
      setSending(false);
    }
  };

  if (receipt) {
    return (
      <Done
        receipt={receipt}
        onAgain={() => {
          setReceipt(undefined);
          setDraft(empty());
          setAttempted(false);
        }}
      />
    );
  }
  const field = (key: string) => ({ id: `feedback.${key}`, error: problems[key], size: 'md' as const });
  const hasDossier = draft.dossierCode.trim() !== '';
  return (
    <form onSubmit={submit} onFocus={warmValidation} noValidate aria-label="Gửi phản ánh, kiến nghị">
      <Stack gap="md">
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Radio.Group
              label="Loại"
              withAsterisk
              value={draft.kind}
              onChange={(v) => set({ kind: v as FeedbackKind })}
            >
              <Stack gap="xs" mt={6}>
                <Radio
                  value="feedback"
                  size="md"
                  label={`${feedbackKindLabel.feedback} (về việc giải quyết, thái độ phục vụ…)`}
                />
                <Radio
                  value="recommendation"
                  size="md"
                  label={`${feedbackKindLabel.recommendation} (đề xuất sửa quy định, thủ tục)`}
                />
              </Stack>
            </Radio.Group>
            <Textarea
              {...field('content')}
              label="Nội dung"
              withAsterisk
              description={`Từ ${FEEDBACK_CONTENT_MIN} đến ${FEEDBACK_CONTENT_MAX} ký tự`}
              autosize
              minRows={4}
              maxLength={FEEDBACK_CONTENT_MAX}
              value={draft.content}
              onChange={(e) => set({ content: e.currentTarget.value })}
            />
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Text fw={700}>Liên quan đến</Text>
            <TextInput
              {...field('dossierCode')}
              label="Mã hồ sơ (nếu có)"
              description="Mã trên giấy tiếp nhận; phản ánh được gửi tới nơi đã tiếp nhận hồ sơ"
              autoCapitalize="characters"
              value={draft.dossierCode}
              onChange={(e) => set({ dossierCode: e.currentTarget.value })}
            />
            <NativeSelect
              {...field('procedureCode')}
              label="Thủ tục hành chính (nếu có)"
              data={[{ value: '', label: 'Không chọn' }, ...procedures]}
              value={draft.procedureCode}
              onChange={(e) => set({ procedureCode: e.currentTarget.value })}
            />
            <NativeSelect
              {...field('agencyId')}
              label="Cơ quan nhận"
              withAsterisk={!hasDossier}
              description={hasDossier ? 'Không cần chọn: đã có mã hồ sơ' : undefined}
              disabled={hasDossier}
              data={[
                { value: '', label: 'Chọn cơ quan, đơn vị' },
                ...agencies.map((a) => ({ value: a.id, label: a.name })),
              ]}
              value={draft.agencyId}
              onChange={(e) => set({ agencyId: e.currentTarget.value })}
            />
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Text fw={700}>Thông tin liên hệ</Text>
            <Text size="sm" c="dimmed">
              Cần số điện thoại hoặc thư điện tử để cơ quan trả lời. Thông tin này không được công khai.
            </Text>
            <TextInput
              {...field('contact.name')}
              label="Họ và tên"
              withAsterisk
              autoComplete="name"
              maxLength={200}
              value={draft.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
            />
            <TextInput
              {...field('contact.phone')}
              label="Số điện thoại"
              type="tel"
              autoComplete="tel"
              value={draft.phone}
              onChange={(e) => set({ phone: e.currentTarget.value })}
            />
            <TextInput
              {...field('contact.email')}
              label="Thư điện tử"
              type="email"
              autoComplete="email"
              value={draft.email}
              onChange={(e) => set({ email: e.currentTarget.value })}
            />
            <TextInput
              {...field('contact.address')}
              label="Địa chỉ"
              autoComplete="street-address"
              maxLength={500}
              value={draft.address}
              onChange={(e) => set({ address: e.currentTarget.value })}
            />
          </Stack>
        </Paper>
        <ErrorAlert error={error} preferDetail isShownInline={(p) => keyOf(p) in problems} />
        <Button type="submit" size="lg" fullWidth loading={sending}>
          Gửi phản ánh, kiến nghị
        </Button>
      </Stack>
    </form>
  );
}

/** Phản ánh, kiến nghị: anyone may write (signed in or not) and gets a number to ask about it. */
export function FeedbackPage() {
  const loaded = useApi('feedback-form', async () => {
    const [tree, listing] = await Promise.all([listPublicTree(), listProcedures({ limit: 500 })]);
    return {
      agencies: addressable(tree),
      procedures: sortVi(listing.items, (p) => p.name).map((p) => ({
        value: p.nationalCode,
        label: `${p.name} (${p.nationalCode})`,
      })),
    };
  });
  const data = loaded.data;
  return (
    <Stack gap="md" maw={640} mx="auto" w="100%">
      <div>
        <Title order={2}>Phản ánh, kiến nghị</Title>
        <Text size="sm" c="dimmed">
          Về việc giải quyết thủ tục hành chính, thái độ phục vụ, hoặc đề xuất sửa quy định.
        </Text>
      </div>
      <ErrorAlert error={loaded.error} />
      {data ? (
        <FeedbackForm agencies={data.agencies} procedures={data.procedures} />
      ) : (
        !loaded.error && <Loader aria-label="Đang tải" />
      )}
      <Anchor component={Link} to="/cong-dan" size="sm">
        ← Trang đầu
      </Anchor>
    </Stack>
  );
}

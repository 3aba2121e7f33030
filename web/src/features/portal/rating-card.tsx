import { Alert, Button, Group, Loader, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useId, useState } from 'react';
import {
  ratingQuestionLabel,
  ratingQuestions,
  ratingQuestionText,
  satisfactionLabel,
  satisfactionLevels,
} from '../../../../domain/rating/labels.ts';
import type { RatingQuestion, RatingView, Satisfaction } from '../../../../domain/rating/rating.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { ApiError } from '../../lib/api.ts';
import { formatDateThenTime } from '../../lib/format.ts';
import { asApiError, useApi } from '../../lib/use-api.ts';
import { getRating, rateDossier } from './dossiers.api.ts';
import { validationOr, warmValidation } from './load-validation.ts';

type Draft = Partial<Record<RatingQuestion, Satisfaction>>;

function Given({ rating, thanked }: { rating: RatingView; thanked: boolean }) {
  return (
    <Stack gap="sm">
      {thanked && (
        <Alert color="green" variant="light" title="Cảm ơn Ông/Bà đã đánh giá">
          Ý kiến của Ông/Bà giúp cơ quan nhà nước phục vụ tốt hơn.
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        Đã đánh giá lúc {formatDateThenTime(rating.ratedAt)}
      </Text>
      <Stack component="dl" gap={6} m={0} data-testid="rating-given">
        {ratingQuestions.map((q) => (
          <div key={q}>
            <Text component="dt" size="sm" c="dimmed">
              {ratingQuestionLabel[q]}
            </Text>
            <Text component="dd" size="sm" fw={600} m={0}>
              {satisfactionLabel[rating.answers[q]]}
              {rating.reasons[q] ? ` — ${rating.reasons[q]}` : ''}
            </Text>
          </div>
        ))}
      </Stack>
    </Stack>
  );
}

function RatingForm({ dossierId, onRated }: { dossierId: string; onRated: (r: RatingView) => void }) {
  const [answers, setAnswers] = useState<Draft>({});
  const [reasons, setReasons] = useState<Partial<Record<RatingQuestion, string>>>({});
  const [problems, setProblems] = useState<Partial<Record<RatingQuestion, string>>>({});
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  const send = async () => {
    setError(undefined);
    const found: Partial<Record<RatingQuestion, string>> = {};
    for (const q of ratingQuestions) {
      if (!answers[q]) found[q] = 'Vui lòng chọn một mức độ';
      else if (answers[q] === 'notSatisfied' && !reasons[q]?.trim())
        found[q] = `Vui lòng cho biết lý do không hài lòng về "${ratingQuestionLabel[q]}"`;
    }
    const rules = await validationOr(setError);
    if (!rules) return;
    const { RatingRequest } = rules;
    const parsed = RatingRequest.safeParse({
      answers,
      reasons: Object.fromEntries(
        ratingQuestions.filter((q) => answers[q] === 'notSatisfied').map((q) => [q, reasons[q] ?? '']),
      ),
    });
    setProblems(found);
    if (Object.keys(found).length > 0 || !parsed.success) return;
    setSending(true);
    try {
      onRated(await rateDossier(dossierId, parsed.data));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Stack gap="md" onFocus={warmValidation}>
      <Text size="sm">Ông/Bà vui lòng cho biết mức độ hài lòng về việc giải quyết hồ sơ này.</Text>
      {ratingQuestions.map((q) => (
        <Stack key={q} gap={6}>
          <Radio.Group
            label={ratingQuestionText[q]}
            value={answers[q] ?? null}
            onChange={(v) => setAnswers((a) => ({ ...a, [q]: v as Satisfaction }))}
            error={answers[q] ? undefined : problems[q]}
            withAsterisk
          >
            <Group gap="md" mt={6}>
              {satisfactionLevels.map((level) => (
                <Radio key={level} value={level} label={satisfactionLabel[level]} />
              ))}
            </Group>
          </Radio.Group>
          {answers[q] === 'notSatisfied' && (
            <Textarea
              label={`Lý do không hài lòng: ${ratingQuestionLabel[q].toLowerCase()}`}
              withAsterisk
              autosize
              minRows={2}
              maxLength={1000}
              value={reasons[q] ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setReasons((r) => ({ ...r, [q]: value }));
              }}
              error={problems[q]}
            />
          )}
        </Stack>
      ))}
      <ErrorAlert error={error} preferDetail />
      <Button size="md" fullWidth onClick={send} loading={sending}>
        Gửi đánh giá
      </Button>
    </Stack>
  );
}

/** The four national questions once the result exists; afterwards the answers, read-only. */
export function RatingCard({ dossierId, status }: { dossierId: string; status: string }) {
  const headingId = useId();
  const state = useApi(`rating:${dossierId}:${status}`, () => getRating(dossierId));
  const [given, setGiven] = useState<RatingView>();
  const rating = given ?? state.data?.rating ?? undefined;
  if (!rating && !state.data?.canRate && !state.error) {
    return state.loading ? <Loader size="sm" aria-label="Đang tải đánh giá" /> : null;
  }
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h5" mb="sm" id={headingId}>
        Đánh giá mức độ hài lòng
      </Title>
      <ErrorAlert error={state.error} />
      {rating ? (
        <Given rating={rating} thanked={given !== undefined} />
      ) : (
        <RatingForm dossierId={dossierId} onRated={setGiven} />
      )}
    </Paper>
  );
}

import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { resultDeliveryLabel } from '../../../../domain/dossier/labels.ts';
import { attachedResults, isResultDownloadable } from '../../../../domain/dossier/results.ts';
import type { DossierView } from '../../../../domain/dossier/views.ts';
import { resultUrl } from './dossiers.api.ts';

/** The result once it exists: a download per result file when it goes electronically, else how it will come. */
export function ResultCard({ d }: { d: DossierView }) {
  const headingId = useId();
  if (d.status !== 'resolved' && d.status !== 'returned') return null;
  const results = attachedResults(d.events);
  const downloadable = isResultDownloadable(d);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={headingId}>
          Kết quả giải quyết
        </Title>
        {downloadable && results.length > 0 ? (
          results.map((r) => (
            <Stack key={r.fileId} gap={4}>
              <Text size="sm" fw={500}>
                {r.name}
                {r.number ? ` — số ${r.number}` : ''}
              </Text>
              <Button
                component="a"
                href={resultUrl(d.id, r.fileId)}
                download
                size="md"
                fullWidth
                aria-label={`Tải kết quả: ${r.name}`}
              >
                Tải kết quả
              </Button>
            </Stack>
          ))
        ) : downloadable ? (
          <Text size="sm">
            Hồ sơ đã có kết quả nhưng chưa có bản điện tử. Vui lòng liên hệ Bộ phận Một cửa nơi nộp hồ sơ.
          </Text>
        ) : (
          <Text size="sm">
            Hồ sơ đã có kết quả. Ông/Bà nhận kết quả theo hình thức đã chọn:{' '}
            {resultDeliveryLabel[d.resultDelivery].toLowerCase()}.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

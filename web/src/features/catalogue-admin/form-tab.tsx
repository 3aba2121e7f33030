import { Grid, Stack, Switch, Text } from '@mantine/core';
import type { VersionContent } from '../../../../domain/catalogue/index.ts';
import type { FieldErrors } from '../../lib/form.ts';
import { FormBuilder } from './form-builder.tsx';
import { FormPreview } from './form-preview.tsx';
import type { SetContent } from './use-draft-editor.ts';

/** The online form: the builder on the left, the live preview on the right (below it on narrow screens). */
export function FormTab(props: {
  content: VersionContent;
  set: SetContent;
  errors: FieldErrors;
  readOnly: boolean;
}) {
  const { content, set, errors, readOnly } = props;
  const form = content.onlineForm;
  return (
    <Stack gap="md">
      <Switch
        label="Có biểu mẫu điện tử (nộp hồ sơ trực tuyến)"
        checked={form !== null}
        disabled={readOnly}
        onChange={(e) => set('onlineForm', e.currentTarget.checked ? { fields: form?.fields ?? [] } : null)}
      />
      {(errors.onlineForm || errors['onlineForm.fields']) && (
        <Text c="red" size="sm">
          {errors.onlineForm ?? errors['onlineForm.fields']}
        </Text>
      )}
      {form && (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <FormBuilder
              fields={form.fields}
              onChange={(fields) => set('onlineForm', { fields })}
              documents={content.requiredDocuments}
              errors={errors}
              readOnly={readOnly}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            {/* Beside the builder while scrolling; a long form scrolls inside its own frame. */}
            <div
              style={{ position: 'sticky', top: 140, maxHeight: 'calc(100vh - 156px)', overflowY: 'auto' }}
            >
              <FormPreview fields={form.fields} />
            </div>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

import { z } from 'zod';
import { NationalCode } from '../../../domain/catalogue/procedure.ts';
import { Agency } from '../../../domain/org/agency.ts';
import type { Deps } from '../../context.ts';
import { type App, ItemsOf, problems, typed } from '../../http.ts';
import { ctxOf } from '../../plugins/auth.ts';
import { listReceivingDesks } from './public-agencies.service.ts';

/** Public (no login) look-ups about agencies that the citizen portal needs. */
export function publicAgencyRoutes(app: App, deps: Deps) {
  const r = typed(app);
  r.get(
    '/api/public/procedures/:code/receiving-desks',
    {
      schema: {
        tags: ['public'],
        summary:
          'Nơi tiếp nhận hồ sơ của một thủ tục (công khai): các Bộ phận Một cửa có quy trình giải quyết thủ tục này',
        params: z.strictObject({ code: NationalCode }),
        response: { 200: ItemsOf(Agency), ...problems(400) },
      },
    },
    async (request) => ({ items: await listReceivingDesks(ctxOf(request, deps), request.params.code) }),
  );
}

import { z } from 'zod';
import {
  CalendarYear,
  type DueRequest,
  DueResponse,
  type NewCalendarNotice,
} from '../../../../domain/calendar/requests.ts';
import { WorkingTime } from '../../../../domain/calendar/working-time.ts';
import { api } from '../../lib/api.ts';

const WorkingTimeView = z.object({ workingTime: WorkingTime, inherited: z.boolean() });
export type WorkingTimeView = z.infer<typeof WorkingTimeView>;

export const getCalendarYear = (year: number) => api.get(`/api/public/calendar/years/${year}`, CalendarYear);
export const addNotice = (body: NewCalendarNotice) =>
  api.post('/api/calendar/notices', body, z.object({ id: z.string() }));
export const withdrawNotice = (id: string) =>
  api.send('DELETE', `/api/calendar/notices/${encodeURIComponent(id)}`);
export const getWorkingTime = (agencyId: string) =>
  api.get(`/api/agencies/${encodeURIComponent(agencyId)}/working-time`, WorkingTimeView);
export const setWorkingTime = (agencyId: string, body: WorkingTime) =>
  api.put(`/api/agencies/${encodeURIComponent(agencyId)}/working-time`, body, WorkingTimeView);
export const computeDue = (body: DueRequest) => api.post('/api/public/calendar/due', body, DueResponse);

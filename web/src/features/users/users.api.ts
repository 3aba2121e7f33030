import { z } from 'zod';
import type { CreateUser, UpdateUser } from '../../../../domain/access/account.ts';
import { User } from '../../../../domain/access/roles.ts';
import { api } from '../../lib/api.ts';

const UserList = z.object({ items: z.array(User) });

export const listUsers = async (): Promise<User[]> => (await api.get('/api/users', UserList)).items;
export const createUser = (body: CreateUser) => api.post('/api/users', body, User);
export const updateUser = (id: string, body: UpdateUser) =>
  api.patch(`/api/users/${encodeURIComponent(id)}`, body, User);
/** One account in the admin's scope (404 outside it). */
export const getUser = (id: string) => api.get(`/api/users/${encodeURIComponent(id)}`, User);

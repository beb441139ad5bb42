import axios from 'axios';

const api = axios.create({ baseURL: '/api' });

/** The admin app shows users by name only. */
export async function userLabel(userId: string): Promise<string> {
  const { data } = await api.get(`/users/${userId}`);
  return data.name;
}

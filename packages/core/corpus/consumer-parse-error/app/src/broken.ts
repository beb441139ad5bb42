export const user = fetch(`/api/users/${id}`;

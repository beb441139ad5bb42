/** The web dashboard's profile card. */
export async function renderProfile(userId: string): Promise<string> {
  const response = await fetch(`/api/users/${userId}`);
  if (!response.ok) throw new Error(`Could not load user ${userId}: ${response.status}`);
  const user = await response.json();
  return [
    `<h1>${user.name}</h1>`,
    `<a href="mailto:${user.emailAddress}">${user.emailAddress}</a>`,
  ].join('\n');
}

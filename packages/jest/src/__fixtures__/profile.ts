/** Code under test, as in examples/story: the web dashboard's profile card. */
export async function loadProfile(userId: string): Promise<{ name: string; email: string; lastLogin: string }> {
  const response = await fetch(`/api/users/${userId}`);
  if (!response.ok) throw new Error(`Could not load user ${userId}: ${response.status}`);
  return (await response.json()) as { name: string; email: string; lastLogin: string };
}

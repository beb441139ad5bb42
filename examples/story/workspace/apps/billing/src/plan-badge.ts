/** Billing shows the plan of a user; it never reads the user profile. */
export async function planBadge(userId: string): Promise<string> {
  const response = await fetch(`/api/users/${userId}/plan`);
  const plan = await response.json();
  return plan.renewsAt ? `${plan.tier} (renews ${plan.renewsAt})` : plan.tier;
}

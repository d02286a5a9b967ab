/** The metric profiles by id; no YAML here, so the browser bundle can import it. */
import { Profile, ProfileId } from './profile';
import { litellmProfile } from './profiles/litellm';
import { DEFAULT_OTEL_TEAM_LABEL, otelProfile } from './profiles/otel';
import { seedProfile } from './profiles/seed';

export const PROFILE_IDS: ProfileId[] = ['seed', 'litellm', 'otel'];

export function getProfile(id: ProfileId, options: { teamLabel?: string } = {}): Profile {
  switch (id) {
    case 'seed':
      return seedProfile;
    case 'litellm':
      return litellmProfile;
    case 'otel':
      return otelProfile(options.teamLabel ?? DEFAULT_OTEL_TEAM_LABEL);
  }
}

/**
 * The profile without the spend-by-user-and-key family: for deployments whose users and keys
 * number in the tens of thousands, where that family is most of the series (and of the rules'
 * cost). Top spenders by user or API key then show no data; by team, model and provider stay.
 */
export function withoutSpenderFamily(profile: Profile): Profile {
  return {
    ...profile,
    counters: profile.counters.filter((c) => c.family !== 'spend_by_user'),
    missing: profile.missing.includes('spend_by_user') ? profile.missing : [...profile.missing, 'spend_by_user'],
  };
}

export function isProfileId(value: string): value is ProfileId {
  return (PROFILE_IDS as string[]).includes(value);
}

/** Committed rule file of a profile, relative to the repository root. */
export function profileRulesPath(id: ProfileId): string {
  return `provisioning/prometheus/rules/${id}.rules.yaml`;
}

export type { ProfileId };

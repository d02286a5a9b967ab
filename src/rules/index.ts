export { getProfile, isProfileId, PROFILE_IDS, profileRulesPath } from './registry';
export { profileRuleGroups, renderRules } from './render';
export type { RuleGroup, RulesFormat } from './render';
export type { Profile, ProfileId } from './profile';

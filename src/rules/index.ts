export { getProfile, isProfileId, PROFILE_IDS, profileRulesPath } from './registry';
export { profileRuleGroups, renderRules } from './render';
export type { RulesFormat } from './render';
export type { RuleGroup } from './ruleGroup';
export type { Profile, ProfileId } from './profile';

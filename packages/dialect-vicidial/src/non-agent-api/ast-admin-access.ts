import type { NonAgentPermission } from './operation';

/** add_phone, update_phone and the phone and group aliases ask the same of the caller: level 8 or more with `ast_admin_access`. */
export const astAdminAccess = (fn: string, denied: string): NonAgentPermission => ({
  allows: (user) => user.level >= 8 && user.astAdminAccess,
  denied: (user) => `ERROR: ${fn} USER DOES NOT HAVE PERMISSION TO ${denied}: |${user}|0`,
});

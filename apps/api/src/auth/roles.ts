// Roles, their rank, what each may grant and the division level each one's scope must have: the
// rules live in @fazhi/domain (access/); the API re-exports them under the names it uses.
export {
  canGrant,
  divisionImporterRoles,
  readOnlyRoles,
  ROLES as roles,
  roleRank,
  roleScopeLevels,
  userManagerRoles,
  WHOLE_DEPLOYMENT,
  type Role,
} from '@fazhi/domain';

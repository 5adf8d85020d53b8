// A user's region scope. Every read filters with `where`, every write checks `includes`.
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { parseDivisionCode } from '@fazhi/domain';
import { WHOLE_DEPLOYMENT, type Role } from './roles.js';

export class Scope {
  /** The significant digits of the scope code; '' for the whole deployment. */
  readonly prefix: string;

  constructor(
    readonly code: string,
    role: Role,
  ) {
    if (role === 'system_admin' || code === WHOLE_DEPLOYMENT) {
      this.prefix = '';
    } else {
      const parsed = parseDivisionCode(code);
      // A user whose scope code is malformed sees nothing: fail closed.
      this.prefix = parsed.ok ? parsed.division.prefix : '\u0000';
    }
  }

  get isWholeDeployment(): boolean {
    return this.prefix === '';
  }

  /** Whether a 12-digit division code lies inside the scope. */
  includes(code: string | null | undefined): boolean {
    if (this.prefix === '') return true;
    if (!code) return false;
    return code.startsWith(this.prefix);
  }

  /** An SQL condition keeping only rows whose `column` lies inside the scope. */
  where(column: AnyPgColumn): SQL {
    if (this.prefix === '') return sql`true`;
    return sql`${column} like ${this.prefix + '%'}`;
  }
}

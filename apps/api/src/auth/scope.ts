// A user's region scope. Every read filters with `where`, every write checks `includes`.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { inScope, scopePrefix } from '@fazhi/domain';
import type { Role } from './roles.js';

export class Scope {
  /** The significant digits of the scope code; '' for the whole deployment. */
  readonly prefix: string;
  /**
   * A unit officer's county unit: they see their county's campaigns and their unit's
   * participations only, and no division's rows (`where` and `includes` refuse every code).
   */
  readonly unitId: string | null;

  constructor(
    readonly code: string,
    role: Role,
    unitId?: string | null,
  ) {
    this.unitId = role === 'unit_officer' ? (unitId ?? null) : null;
    if (role === 'unit_officer' && !this.unitId) {
      // a unit officer without a unit sees nothing: fail closed
      this.prefix = '\u0000';
    } else {
      // a user whose scope code is malformed sees nothing: fail closed (no code starts with NUL)
      this.prefix = role === 'system_admin' ? '' : (scopePrefix(code) ?? '\u0000');
    }
  }

  /** The county of a scope at county level or below; null above county or for everything. */
  get countyCode(): string | null {
    if (this.prefix.length < 6) return null;
    return this.prefix.slice(0, 6) + '000000';
  }

  /**
   * Rows of a county-owned table (a campaign) the user may see: those of the user's own county
   * for users at county level or below, those inside the scope for users above.
   */
  whereCounty(countyColumn: AnyPgColumn): SQL {
    const county = this.countyCode;
    if (county) return sql`${countyColumn} = ${county}`;
    return this.where(countyColumn);
  }

  /** Whether a county-owned row of `countyCode` is visible (see `whereCounty`). */
  includesCounty(countyCode: string): boolean {
    const county = this.countyCode;
    return county ? county === countyCode : this.includes(countyCode);
  }

  get isWholeDeployment(): boolean {
    return this.prefix === '';
  }

  /** Whether a 12-digit division code lies inside the scope. */
  includes(code: string | null | undefined): boolean {
    if (this.unitId) return false;
    return this.isWholeDeployment || inScope(this.code, code);
  }

  /** Whether every division of a county lies inside the scope (the scope is the county or above). */
  coversCounty(countyCode: string): boolean {
    // a unit officer sees their unit only, never the whole county
    if (this.unitId) return false;
    return this.prefix.length <= 6 && countyCode.startsWith(this.prefix);
  }

  /** An SQL condition keeping only rows whose `column` lies inside the scope. */
  where(column: AnyPgColumn): SQL {
    if (this.unitId) return sql`false`;
    if (this.prefix === '') return sql`true`;
    // LIKE says exactly what is meant; the equivalent range on 12-digit codes lets a plain
    // btree index on the column (in any collation) find the rows at national size
    const low = this.prefix.padEnd(12, '0');
    const high = this.prefix.padEnd(12, '9');
    return sql`(${column} like ${this.prefix + '%'} and ${column} between ${low} and ${high})`;
  }

  /**
   * Participations (or rows about a subject) the user may see: a unit officer their unit's,
   * everybody else those whose division code lies inside the scope.
   */
  whereSubject(divisionColumn: AnyPgColumn, unitColumn: AnyPgColumn): SQL {
    if (this.unitId) return eq(unitColumn, this.unitId);
    return this.where(divisionColumn);
  }
}

// The figure providers of each section of the annual report, in the report's order. A register
// added later plugs its figures in by adding a provider to its section's list (one file per
// section: legal-education.ts for 普法宣传, legal-services.ts for 公共法律服务).
import type { AnnualReportSection } from '@fazhi/domain';
import type { SectionProvider } from '../report-types.js';
import { leadership } from './organization.js';
import { villageRecords } from './democracy.js';
import { disputeScreening, mediationCases } from './mediation.js';
import { legalEducationProviders } from './legal-education.js';
import { legalServiceProviders } from './legal-services.js';
import { campaignResults } from './demonstration.js';
import { nextSteps, problemsFound } from './problems.js';

export const sectionProviders: Record<AnnualReportSection, readonly SectionProvider[]> = {
  organization: [leadership],
  democracy: [villageRecords],
  mediation: [mediationCases, disputeScreening],
  legal_education: legalEducationProviders,
  legal_services: legalServiceProviders,
  demonstration: [campaignResults],
  problems: [problemsFound],
  next_steps: [nextSteps],
};

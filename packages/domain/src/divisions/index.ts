export {
  divisionLevels,
  divisionLevel,
  divisionPrefix,
  isDivisionCode,
  isUrbanRuralCode,
  isWithinDivision,
  parentDivisionCode,
  parseDivisionCode,
  provinceCodes,
  townshipKind,
  urbanRuralCodes,
  villageKind,
} from './division-code.js';
export type {
  DivisionCode,
  DivisionCodeProblem,
  DivisionCodeResult,
  DivisionLevel,
  TownshipKind,
  VillageKind,
} from './division-code.js';

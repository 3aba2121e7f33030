/** The procedure catalogue (TTHC): procedures, versions, fees, online forms and internal workflows (pure). */
export { CatalogueEntry, type CatalogueEntryInput } from './entry.ts';
export { computeFee, Fee, type FeeLine, FeeRequest, type FeeResult, PageTier, Vnd } from './fees.ts';
export {
  AddressValue,
  buildSubmissionSchema,
  FileValue,
  FormField,
  type FormFieldInput,
  FormFieldType,
  OnlineForm,
  SelectOption,
  type SubmissionOptions,
} from './forms.ts';
export { describeLimit, HOURS_PER_WORKING_DAY, isWithinLimit, TimeLimit, workingHoursOf } from './limits.ts';
export {
  type ListedProcedure,
  Listing,
  ListingQuery,
  ProcedureDetail,
  ProcedureSummary,
  searchListing,
  summarise,
  summariseParts,
  toListed,
} from './listing.ts';
export {
  ConfirmNote,
  Decision,
  DocumentKind,
  documentKindLabel,
  ImplementingAgency,
  KNOWN_SECTORS,
  LegalDocument,
  NationalCode,
  OnlineLevel,
  onlineLevelLabel,
  Procedure,
  ProcedureLevel,
  ProcedureVersion,
  type ProcedureVersionInput,
  RequiredDocument,
  ResultDocument,
  Sector,
  VersionContent,
  VersionStatus,
} from './procedure.ts';
export {
  assertEditable,
  changeVersion,
  isEditable,
  publishVersion,
  statusLabel,
  VersionChange,
  VersionNotEditableError,
  VersionPatch,
} from './versioning.ts';
export {
  AgencyRef,
  StepKind,
  stepKindLabel,
  validateWorkflow,
  Workflow,
  type WorkflowIssue,
  WorkflowStep,
  workflowHours,
} from './workflow.ts';

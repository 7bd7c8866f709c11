/**
 * The boundary editor's GraphQL documents and their result shapes: the dump with its current
 * revision, every revision (for a conflict), a save (reviseSegmentation) and an approval
 * (setDumpStatus).
 */
const RevisionFields = /* GraphQL */ `
  fragment DumpEditor_RevisionFragment on SegmentationRevision {
    id
    number
    author
    createdAt
    baseNumber
    segments { kind start end confidence fields { field start end confidence } }
  }
`;

export const DumpQuery = /* GraphQL */ `
  query DumpEditor_Dump($id: ID!) {
    dump(id: $id) {
      id
      filename
      url
      fetchedAt
      text
      status
      template
      confidence
      currentRevisionNumber
      currentRevision { ...DumpEditor_RevisionFragment warnings { code message start end } }
      revisions(first: 1) { totalCount edges { node { ...DumpEditor_RevisionFragment } } }
    }
  }
  ${RevisionFields}
`;

export const RevisionsQuery = /* GraphQL */ `
  query DumpEditor_Revisions($id: ID!) {
    dump(id: $id) {
      id
      currentRevisionNumber
      revisions(first: 500) { edges { node { ...DumpEditor_RevisionFragment } } }
    }
  }
  ${RevisionFields}
`;

export const ReviseMutation = /* GraphQL */ `
  mutation DumpEditor_Revise($input: ReviseSegmentationInput!) {
    reviseSegmentation(input: $input) {
      __typename
      ... on ReviseSegmentationPayload { revisionNumber dump { id status currentRevisionNumber confidence } }
      ... on StaleRevisionError { baseRevision currentRevision }
      ... on InvalidSegmentationError { rule reason index start end }
      ... on Error { message code }
    }
  }
`;

export const StatusMutation = /* GraphQL */ `
  mutation DumpEditor_SetStatus($input: SetDumpStatusInput!) {
    setDumpStatus(input: $input) {
      __typename
      ... on Dump { id status }
      ... on StaleRevisionError { baseRevision currentRevision }
      ... on Error { message code }
    }
  }
`;

export interface DumpEditor_RevisionFragment {
  id: string;
  number: number;
  author: string;
  createdAt: string;
  baseNumber: number | null;
  segments: { kind: string; start: number; end: number; confidence: number; fields: { field: string; start: number; end: number; confidence: number }[] }[];
}

export interface DumpData {
  dump: {
    id: string;
    filename: string | null;
    url: string | null;
    fetchedAt: string | null;
    text: string;
    status: string;
    template: string;
    confidence: number;
    currentRevisionNumber: number;
    currentRevision: DumpEditor_RevisionFragment & { warnings: { code: string; message: string; start: number; end: number }[] };
    revisions: { totalCount: number; edges: { node: DumpEditor_RevisionFragment }[] };
  } | null;
}

export type ReviseResult =
  | { __typename: 'ReviseSegmentationPayload'; revisionNumber: number; dump: { id: string; status: string; currentRevisionNumber: number } }
  | { __typename: 'StaleRevisionError'; baseRevision: number; currentRevision: number; message: string; code: string }
  | { __typename: 'InvalidSegmentationError'; reason: string; index: number; start: number; end: number; message: string; code: string }
  | { __typename: string; message: string; code: string };

export type Dump = NonNullable<DumpData['dump']>;

export interface StatusResult {
  setDumpStatus: { __typename: string; status?: string; message?: string; code?: string; currentRevision?: number };
}

export interface RevisionsData {
  dump: { currentRevisionNumber: number; revisions: { edges: { node: DumpEditor_RevisionFragment }[] } } | null;
}

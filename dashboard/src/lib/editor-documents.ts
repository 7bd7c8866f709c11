/**
 * The boundary editor's GraphQL documents and their result shapes: the dump with its current
 * revision, every revision (for a conflict), a save (reviseSegmentation) and an approval
 * (setDumpStatus).
 */
const RevisionFields = graphql(`
  fragment DumpEditor_RevisionFragment on SegmentationRevision @_unmask {
    id
    number
    author
    createdAt
    baseNumber
    segments { kind start end confidence fields { field start end confidence } }
  }
`);
import { graphql, type ResultOf } from '../graphql.ts';

export const DumpQuery = graphql(`
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
`, [RevisionFields]);

export const RevisionsQuery = graphql(`
  query DumpEditor_Revisions($id: ID!) {
    dump(id: $id) {
      id
      currentRevisionNumber
      revisions(first: 500) { edges { node { ...DumpEditor_RevisionFragment } } }
    }
  }
`, [RevisionFields]);

export const ReviseMutation = graphql(`
  mutation DumpEditor_Revise($input: ReviseSegmentationInput!) {
    reviseSegmentation(input: $input) {
      __typename
      ... on ReviseSegmentationPayload { revisionNumber unchanged dump { id status currentRevisionNumber confidence } }
      ... on StaleRevisionError { baseRevision currentRevision }
      ... on InvalidSegmentationError { rule reason index start end }
      ... on Error { message code }
    }
  }
`);

export const StatusMutation = graphql(`
  mutation DumpEditor_SetStatus($input: SetDumpStatusInput!) {
    setDumpStatus(input: $input) {
      __typename
      ... on Dump { id status }
      ... on StaleRevisionError { baseRevision currentRevision }
      ... on Error { message code }
    }
  }
`);

/** one revision as the editor reads it (id, number, author, segments with their fields) */
export type DumpEditor_RevisionFragment = ResultOf<typeof RevisionFields>;
/** the dump the editor opens, with its current revision */
export type Dump = NonNullable<ResultOf<typeof DumpQuery>['dump']>;

/**
 * A subscription's root field may not be conditional: `@skip` / `@include` anywhere in its top
 * level selection (on the field, or on a fragment, inline or spread, that holds it) is a
 * validation error, as the GraphQL specification has required since its October 2021 draft
 * ("Single root field"). graphql-js 16 does not check it and throws a TypeError when the
 * condition leaves the root empty (`subscription { reviewCounts @skip(if: true) { new } }`), which
 * clients would get as a 500 INTERNAL_SERVER_ERROR; with the rule they get
 * GRAPHQL_VALIDATION_FAILED before anything runs, whatever the variables.
 */
import { GraphQLError, Kind, validate, type ASTVisitor, type DefinitionNode, type DocumentNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const conditional = new Set(['skip', 'include']);

/** The validation rule: one error per subscription operation with a conditional top-level selection. */
export function noConditionalSubscriptionRoot(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(operation) {
      if (operation.operation !== 'subscription') return;
      const seen = new Set<string>();
      /** the first @skip / @include in the top level selection (through its fragments), if any */
      const find = (set: SelectionSetNode): GraphQLError | null => {
        for (const selection of set.selections) {
          const directive = selection.directives?.find((d) => conditional.has(d.name.value));
          if (directive) {
            const name = operation.name ? `Subscription "${operation.name.value}"` : 'Anonymous Subscription';
            return new GraphQLError(`${name} must not use @skip or @include directives in the top level selection.`, { nodes: [directive] });
          }
          let inner: SelectionSetNode | undefined;
          if (selection.kind === Kind.INLINE_FRAGMENT) inner = selection.selectionSet;
          else if (selection.kind === Kind.FRAGMENT_SPREAD && !seen.has(selection.name.value)) {
            seen.add(selection.name.value);
            inner = context.getFragment(selection.name.value)?.selectionSet;
          }
          const found = inner ? find(inner) : null;
          if (found) return found;
        }
        return null;
      };
      const error = find(operation.selectionSet);
      if (error) context.reportError(error);
    },
  };
}

/**
 * The plugin checking the rule before the rest of validation: graphql-js's own
 * SingleFieldSubscriptionsRule evaluates the root's directives with no variables and throws an
 * uncoded error on `@skip(if: $s)`, so a document this rule refuses is not given to it.
 */
export function subscriptionRootRule(): Plugin {
  return {
    onValidate({ validateFn, setValidationFn }) {
      setValidationFn((schema, document, ...rest) => {
        const subscribes = (document as DocumentNode).definitions.some((d: DefinitionNode) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'subscription');
        const refused = subscribes ? validate(schema, document, [noConditionalSubscriptionRoot]) : [];
        return refused.length ? refused : validateFn(schema, document, ...rest);
      });
    },
  };
}

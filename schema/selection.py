"""The client's selection, read off graphql-core's resolve info into the core's `Selected` tree.

Fragments are expanded (keeping their type condition), `@skip`/`@include` applied, and every
argument coerced by the schema, defaults included, then turned into plain Python values.
`document_selection` reads the same tree from a document and its variables, without executing
it (to compile a document ahead of any request).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import strawberry
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLIncludeDirective,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLSkipDirective,
    InlineFragmentNode,
    SelectionSetNode,
    get_named_type,
    get_operation_ast,
)
from graphql.execution.values import (
    VariableValues,
    get_argument_values,
    get_directive_values,
    get_variable_values,
)

from cdp.compiler.selection import Selected, merge_by_key
from schema.plain import plain_of, snake

Parent = GraphQLObjectType | GraphQLInterfaceType


def selection(info: strawberry.Info[Any, Any]) -> Selected:
    """The field being resolved, with everything selected under it."""
    raw = info._raw_info
    # Strawberry hands resolvers the coerced variables alone; graphql-core wants its container.
    coerced: dict[str, Any] = dict(raw.variable_values or {})  # type: ignore[arg-type]
    variables = VariableValues(sources={}, coerced=coerced)
    reader = _Reader(raw.schema, raw.fragments, variables)
    return reader.field(raw.parent_type, raw.field_nodes[0], on=None, more=raw.field_nodes[1:])


def document_selection(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Mapping[str, Any] | None = None,
    operation_name: str | None = None,
) -> list[Selected]:
    """The root fields of the document's operation, each as `selection` reads it for its
    resolver. The document is taken as valid; variables that do not fit it raise the first
    GraphQLError of their coercion."""
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        raise ValueError(f"The document has no operation {operation_name or ''!r}.")
    root = schema.get_root_type(operation.operation)
    assert root is not None, f"The schema has no {operation.operation.value} type."
    coerced = get_variable_values(
        schema, operation.variable_definitions or (), dict(variables or {})
    )
    if isinstance(coerced, list):
        raise coerced[0]
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    reader = _Reader(schema, fragments, coerced)
    # A root field selected more than once (under one response key) is resolved once.
    return merge_by_key(tuple(reader.selection_set(root, operation.selection_set, on=None)))


@dataclasses.dataclass
class _Reader:
    schema: GraphQLSchema
    fragments: Mapping[str, FragmentDefinitionNode]
    variables: VariableValues

    def field(
        self, parent: Parent, node: FieldNode, on: str | None, more: list[FieldNode] | None = None
    ) -> Selected:
        name = node.name.value
        key = node.alias.value if node.alias else name
        if name.startswith("__"):
            return Selected(name, key, on=on)
        definition: GraphQLField = parent.fields[name]
        args = {
            snake(arg): plain_of(definition.args[arg].type)(value)
            for arg, value in get_argument_values(definition, node, self.variables).items()
        }
        children: list[Selected] = []
        returned = get_named_type(definition.type)
        for field_node in [node, *(more or [])]:
            if field_node.selection_set and isinstance(
                returned, GraphQLObjectType | GraphQLInterfaceType
            ):
                children += self.selection_set(returned, field_node.selection_set, on=None)
        return Selected(name, key, args, tuple(children), on)

    def selection_set(
        self, parent: Parent, selection_set: SelectionSetNode, on: str | None
    ) -> list[Selected]:
        selected: list[Selected] = []
        for node in selection_set.selections:
            if not isinstance(node, FieldNode | InlineFragmentNode | FragmentSpreadNode):
                continue
            if not self._included(node):
                continue
            if isinstance(node, FieldNode):
                selected.append(self.field(parent, node, on))
            elif isinstance(node, InlineFragmentNode):
                condition = node.type_condition.name.value if node.type_condition else None
                selected += self._fragment(parent, condition, node.selection_set, on)
            elif isinstance(node, FragmentSpreadNode):
                fragment = self.fragments[node.name.value]
                condition = fragment.type_condition.name.value
                selected += self._fragment(parent, condition, fragment.selection_set, on)
        return selected

    def _included(self, node: FieldNode | InlineFragmentNode | FragmentSpreadNode) -> bool:
        skip = get_directive_values(GraphQLSkipDirective, node, self.variables)
        if skip is not None and skip.get("if") is True:
            return False
        include = get_directive_values(GraphQLIncludeDirective, node, self.variables)
        return include is None or include.get("if") is True

    def _fragment(
        self, parent: Parent, condition: str | None, selection_set: SelectionSetNode, on: str | None
    ) -> list[Selected]:
        if condition is None or condition == parent.name:
            return self.selection_set(parent, selection_set, on)
        fragment_type = self.schema.get_type(condition)
        assert isinstance(fragment_type, GraphQLObjectType | GraphQLInterfaceType)
        return self.selection_set(fragment_type, selection_set, condition)

using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace LessData.Tests.Architecture;

/// <summary>
/// Which namespace uses which, read from a compiled assembly's metadata and IL (not from source text): for every type,
/// its base type, interfaces, attributes, generic constraints, fields, method signatures, locals and the tokens in
/// its method bodies. A nested type (closures, async state machines, iterators) belongs to its declaring type's
/// namespace; types outside any namespace (&lt;Module&gt;, &lt;PrivateImplementationDetails&gt;) are left out.
/// </summary>
internal static class NamespaceGraph
{
    /// <summary>Edges from each namespace of <paramref name="assemblyPath"/> that starts with <paramref name="prefix"/> to the other such namespaces it uses.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Read(string assemblyPath, string prefix)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var handle in md.TypeDefinitions)
        {
            string from = NamespaceOf(md, handle);
            if (!Within(from, prefix)) continue;
            var used = new HashSet<string>();
            var provider = new NamespaceCollector(md, used);
            var type = md.GetTypeDefinition(handle);
            Add(md, provider, type.BaseType);
            foreach (var i in type.GetInterfaceImplementations()) Add(md, provider, md.GetInterfaceImplementation(i).Interface);
            Attributes(md, provider, type.GetCustomAttributes());
            Constraints(md, provider, type.GetGenericParameters());
            foreach (var f in type.GetFields())
            {
                var field = md.GetFieldDefinition(f);
                field.DecodeSignature(provider, null);
                Attributes(md, provider, field.GetCustomAttributes());
            }
            foreach (var p in type.GetProperties()) Attributes(md, provider, md.GetPropertyDefinition(p).GetCustomAttributes());
            foreach (var e in type.GetEvents()) Add(md, provider, md.GetEventDefinition(e).Type);
            foreach (var m in type.GetMethods())
            {
                var method = md.GetMethodDefinition(m);
                method.DecodeSignature(provider, null);
                Attributes(md, provider, method.GetCustomAttributes());
                Constraints(md, provider, method.GetGenericParameters());
                foreach (var p in method.GetParameters()) Attributes(md, provider, md.GetParameter(p).GetCustomAttributes());
                if (method.RelativeVirtualAddress == 0) continue;
                var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                    md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null);
                foreach (var region in body.ExceptionRegions) Add(md, provider, region.CatchType);
                foreach (int token in IlOperands.Tokens(body.GetILReader())) Add(md, provider, MetadataTokens.EntityHandle(token));
            }
            if (!graph.TryGetValue(from, out var edges)) graph[from] = edges = [];
            edges.UnionWith(used.Where(n => n != from && Within(n, prefix)));
        }
        return graph.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value);
    }

    /// <summary>One cycle of the graph as a path that starts and ends at the same namespace, or null when the graph is acyclic.</summary>
    public static IReadOnlyList<string>? FindCycle(IReadOnlyDictionary<string, IReadOnlySet<string>> graph)
    {
        var state = new Dictionary<string, bool>();  // false: on the current path; true: finished
        var path = new List<string>();
        IReadOnlyList<string>? Visit(string node)
        {
            if (state.TryGetValue(node, out bool done))
                return done ? null : [.. path.Skip(path.IndexOf(node)), node];
            state[node] = false;
            path.Add(node);
            foreach (var next in (graph.TryGetValue(node, out var edges) ? edges : Enumerable.Empty<string>()).Order(StringComparer.Ordinal))
                if (Visit(next) is { } cycle) return cycle;
            path.RemoveAt(path.Count - 1);
            state[node] = true;
            return null;
        }
        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
            if (Visit(node) is { } cycle) return cycle;
        return null;
    }

    private static bool Within(string ns, string prefix) => ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal);

    private static string NamespaceOf(MetadataReader md, TypeDefinitionHandle handle)
    {
        var type = md.GetTypeDefinition(handle);
        return type.IsNested ? NamespaceOf(md, type.GetDeclaringType()) : md.GetString(type.Namespace);
    }

    private static string NamespaceOf(MetadataReader md, TypeReferenceHandle handle)
    {
        var type = md.GetTypeReference(handle);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? NamespaceOf(md, (TypeReferenceHandle)type.ResolutionScope)
            : md.GetString(type.Namespace);
    }

    private static void Attributes(MetadataReader md, NamespaceCollector provider, CustomAttributeHandleCollection attributes)
    {
        foreach (var a in attributes) Add(md, provider, md.GetCustomAttribute(a).Constructor);
    }

    private static void Constraints(MetadataReader md, NamespaceCollector provider, GenericParameterHandleCollection parameters)
    {
        foreach (var p in parameters)
            foreach (var c in md.GetGenericParameter(p).GetConstraints())
                Add(md, provider, md.GetGenericParameterConstraint(c).Type);
    }

    private static void Add(MetadataReader md, NamespaceCollector provider, EntityHandle handle)
    {
        if (handle.IsNil) return;
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition: provider.Used.Add(NamespaceOf(md, (TypeDefinitionHandle)handle)); break;
            case HandleKind.TypeReference: provider.Used.Add(NamespaceOf(md, (TypeReferenceHandle)handle)); break;
            case HandleKind.TypeSpecification: md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(provider, null); break;
            case HandleKind.MethodDefinition:
                var method = md.GetMethodDefinition((MethodDefinitionHandle)handle);
                Add(md, provider, method.GetDeclaringType());
                method.DecodeSignature(provider, null);
                break;
            case HandleKind.FieldDefinition:
                var field = md.GetFieldDefinition((FieldDefinitionHandle)handle);
                Add(md, provider, field.GetDeclaringType());
                field.DecodeSignature(provider, null);
                break;
            case HandleKind.MemberReference:
                var member = md.GetMemberReference((MemberReferenceHandle)handle);
                Add(md, provider, member.Parent);
                if (member.GetKind() == MemberReferenceKind.Method) member.DecodeMethodSignature(provider, null);
                else member.DecodeFieldSignature(provider, null);
                break;
            case HandleKind.MethodSpecification:
                var spec = md.GetMethodSpecification((MethodSpecificationHandle)handle);
                Add(md, provider, spec.Method);
                spec.DecodeSignature(provider, null);
                break;
            case HandleKind.StandaloneSignature:
                var signature = md.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                if (signature.GetKind() == StandaloneSignatureKind.Method) signature.DecodeMethodSignature(provider, null);
                else signature.DecodeLocalSignature(provider, null);
                break;
        }
    }

    /// <summary>A signature decoder whose only effect is to note the namespace of every type a signature names.</summary>
    private sealed class NamespaceCollector(MetadataReader md, HashSet<string> used) : ISignatureTypeProvider<object?, object?>
    {
        public HashSet<string> Used => used;
        public object? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) { used.Add(NamespaceOf(md, handle)); return null; }
        public object? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) { used.Add(NamespaceOf(md, handle)); return null; }
        public object? GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            md.GetTypeSpecification(handle).DecodeSignature(this, context);
        public object? GetPrimitiveType(PrimitiveTypeCode typeCode) => null;
        public object? GetSZArrayType(object? elementType) => null;
        public object? GetArrayType(object? elementType, ArrayShape shape) => null;
        public object? GetByReferenceType(object? elementType) => null;
        public object? GetPointerType(object? elementType) => null;
        public object? GetPinnedType(object? elementType) => null;
        public object? GetGenericInstantiation(object? genericType, ImmutableArray<object?> typeArguments) => null;
        public object? GetGenericMethodParameter(object? genericContext, int index) => null;
        public object? GetGenericTypeParameter(object? genericContext, int index) => null;
        public object? GetFunctionPointerType(MethodSignature<object?> signature) => null;
        public object? GetModifiedType(object? modifier, object? unmodifiedType, bool isRequired) => null;
    }
}

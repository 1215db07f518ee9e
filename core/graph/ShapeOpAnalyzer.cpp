#include "ShapeOpAnalyzer.h"

#include <algorithm>

namespace d3::core {
namespace {

const QString kInputs = QStringLiteral("inputs");

QString dimsText(const QVector<int> &dims)
{
    QStringList parts;
    for (int d : dims)
        parts << QString::number(d);
    return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
}

bool dimIn(int dim, const TensorShape &in, const char *key, const AnalysisFailure &c)
{
    if (dim < in.dims.size())
        return true;
    return c.fail(QStringLiteral("attributes.") + QLatin1String(key),
                  QStringLiteral("dimension %1 does not exist in %2 (dimensions count from 0, after the batch)")
                      .arg(dim).arg(in.toString()));
}

bool arithmetic(Layer *l, const QVector<TensorShape> &inputs, const AnalysisFailure &c)
{
    const LayerAttributes &a = l->attributes;
    const QString op = opName(l->op);
    if (a.hasScalar && inputs.size() != 1)
        return c.fail(kInputs, QStringLiteral("%1 with a scalar takes exactly one input, got %2").arg(op).arg(inputs.size()));
    if (!a.hasScalar && l->op == OpKind::Add && inputs.size() < 2)
        return c.fail(kInputs, QStringLiteral("add needs at least two inputs, or one and a scalar"));
    if (!a.hasScalar && l->op != OpKind::Add && inputs.size() != 2)
        return c.fail(kInputs, QStringLiteral("%1 needs two inputs, or one and a scalar; got %2").arg(op).arg(inputs.size()));
    if (a.reverse && !a.hasScalar)
        return c.fail(QStringLiteral("attributes.reverse"), QStringLiteral("applies only with a scalar"));
    TensorShape out = inputs.first();
    for (const TensorShape &s : inputs) {
        if (!ShapeOpAnalyzer::broadcast(out, s, &out))
            return c.fail(kInputs, QStringLiteral("%1 needs shapes that broadcast, got %2 and %3")
                                       .arg(op, inputs.first().toString(), s.toString()));
    }
    l->shape = out;
    l->broadcasts = std::any_of(inputs.begin(), inputs.end(), [&](const TensorShape &s) { return s != out; });
    l->flops = std::max<qint64>(1, inputs.size() - 1) * out.elements();
    return true;
}

bool matmul(Layer *l, const QVector<TensorShape> &inputs, const AnalysisFailure &c)
{
    if (inputs.size() != 2)
        return c.fail(kInputs, QStringLiteral("matmul needs two inputs, got %1").arg(inputs.size()));
    const TensorShape &x = inputs[0], &y = inputs[1];
    if (x.dims.size() < 2 || y.dims.size() < 2)
        return c.fail(kInputs, QStringLiteral("matmul needs inputs of rank 2 or more ([..., n, k] and [..., k, m]), "
                                              "got %1 and %2").arg(x.toString(), y.toString()));
    const qint64 n = x.dims.at(x.dims.size() - 2), k = x.dims.last(), m = y.dims.last();
    if (y.dims.at(y.dims.size() - 2) != k)
        return c.fail(kInputs, QStringLiteral("matmul needs [..., n, k] and [..., k, m], got %1 and %2")
                                   .arg(x.toString(), y.toString()));
    TensorShape lead;
    if (!ShapeOpAnalyzer::broadcast(TensorShape{x.dims.mid(0, x.dims.size() - 2)},
                                    TensorShape{y.dims.mid(0, y.dims.size() - 2)}, &lead))
        return c.fail(kInputs, QStringLiteral("matmul's leading dimensions do not broadcast: %1 and %2")
                                   .arg(x.toString(), y.toString()));
    l->shape.dims = lead.dims + QVector<qint64>{n, m};
    l->broadcasts = x.dims.mid(0, x.dims.size() - 2) != lead.dims || y.dims.mid(0, y.dims.size() - 2) != lead.dims;
    l->flops = 2 * lead.elements() * n * k * m;
    return true;
}

bool permute(Layer *l, const TensorShape &in, const AnalysisFailure &c)
{
    QVector<int> sorted = l->attributes.dims;
    std::sort(sorted.begin(), sorted.end());
    bool permutation = sorted.size() == in.dims.size();
    for (int i = 0; permutation && i < sorted.size(); ++i)
        permutation = sorted[i] == i;
    if (!permutation)
        return c.fail(QStringLiteral("attributes.dims"), QStringLiteral("%1 is not a permutation of the %2 dimensions of %3")
                                                             .arg(dimsText(l->attributes.dims)).arg(in.dims.size())
                                                             .arg(in.toString()));
    for (int d : l->attributes.dims)
        l->shape.dims << in.dims.at(d);
    return true;
}

bool mean(Layer *l, const TensorShape &in, const AnalysisFailure &c)
{
    const LayerAttributes &a = l->attributes;
    for (int d : a.dims) {
        if (!dimIn(d, in, "dims", c))
            return false;
        if (a.dims.count(d) > 1)
            return c.fail(QStringLiteral("attributes.dims"), QStringLiteral("dimension %1 is listed twice").arg(d));
    }
    for (int i = 0; i < in.dims.size(); ++i) {
        if (!a.dims.contains(i))
            l->shape.dims << in.dims.at(i);
        else if (a.keepDim)
            l->shape.dims << 1;
    }
    l->flops = in.elements();
    return true;
}

bool slice(Layer *l, const TensorShape &in, const AnalysisFailure &c)
{
    const LayerAttributes &a = l->attributes;
    if (!dimIn(a.dim, in, "dim", c))
        return false;
    const qint64 size = in.dims.at(a.dim);
    if (a.end > size)
        return c.fail(QStringLiteral("attributes.end"),
                      QStringLiteral("%1 is past the end of dimension %2 of %3").arg(a.end).arg(a.dim).arg(in.toString()));
    if (a.start >= a.end)
        return c.fail(QStringLiteral("attributes.start"),
                      QStringLiteral("must be less than end (%1), got %2").arg(a.end).arg(a.start));
    l->shape = in;
    l->shape.dims[a.dim] = (a.end - a.start + a.step - 1) / a.step;
    return true;
}

bool select(Layer *l, const TensorShape &in, const AnalysisFailure &c)
{
    const LayerAttributes &a = l->attributes;
    if (!dimIn(a.dim, in, "dim", c))
        return false;
    if (a.index >= in.dims.at(a.dim))
        return c.fail(QStringLiteral("attributes.index"), QStringLiteral("%1 is out of dimension %2 of %3")
                                                              .arg(a.index).arg(a.dim).arg(in.toString()));
    l->shape = in;
    l->shape.dims.remove(a.dim);
    return true;
}

bool concat(Layer *l, const QVector<TensorShape> &inputs, const AnalysisFailure &c)
{
    const TensorShape &in = inputs.first();
    const int dim = l->attributes.dim;
    if (!dimIn(dim, in, "dim", c))
        return false;
    qint64 total = 0;
    for (const TensorShape &s : inputs) {
        bool equal = s.dims.size() == in.dims.size();
        for (int i = 0; equal && i < s.dims.size(); ++i)
            equal = i == dim || s.dims[i] == in.dims[i];
        if (!equal)
            return c.fail(kInputs, QStringLiteral("concat along dimension %1 needs shapes equal but along it, got %2 "
                                                  "and %3").arg(dim).arg(in.toString(), s.toString()));
        total += s.dims.at(dim);
    }
    l->shape = in;
    l->shape.dims[dim] = total;
    return true;
}

} // namespace

bool ShapeOpAnalyzer::handles(OpKind op)
{
    switch (op) {
    case OpKind::Reshape:
    case OpKind::Permute:
    case OpKind::Slice:
    case OpKind::Select:
    case OpKind::Concat:
    case OpKind::Mean:
    case OpKind::Softmax:
    case OpKind::Flatten:
    case OpKind::Matmul:
        return true;
    default:
        return isArithmetic(op);
    }
}

bool ShapeOpAnalyzer::broadcast(const TensorShape &a, const TensorShape &b, TensorShape *out)
{
    const int rank = std::max(a.dims.size(), b.dims.size());
    QVector<qint64> dims(rank);
    for (int i = 1; i <= rank; ++i) {
        const qint64 x = i <= a.dims.size() ? a.dims[a.dims.size() - i] : 1;
        const qint64 y = i <= b.dims.size() ? b.dims[b.dims.size() - i] : 1;
        if (x != y && x != 1 && y != 1)
            return false;
        dims[rank - i] = std::max(x, y);
    }
    out->dims = dims;
    return true;
}

bool ShapeOpAnalyzer::analyze(Layer *l, const QVector<TensorShape> &inputs, const AnalysisFailure &c)
{
    if (isArithmetic(l->op))
        return arithmetic(l, inputs, c);
    if (l->op == OpKind::Matmul)
        return matmul(l, inputs, c);
    if (l->op == OpKind::Concat)
        return concat(l, inputs, c);
    if (inputs.size() != 1)
        return c.fail(kInputs, QStringLiteral("%1 takes exactly one input, got %2").arg(opName(l->op)).arg(inputs.size()));
    const TensorShape &in = inputs.first();
    switch (l->op) {
    case OpKind::Reshape:
        l->shape.dims = l->attributes.shape;
        if (l->shape.elements() != in.elements())
            return c.fail(QStringLiteral("attributes.shape"), QStringLiteral("%1 has %2 elements, the input %3 has %4")
                                                                  .arg(l->shape.toString()).arg(l->shape.elements())
                                                                  .arg(in.toString()).arg(in.elements()));
        return true;
    case OpKind::Flatten:
        l->shape.dims = {in.elements()};
        return true;
    case OpKind::Permute:
        return permute(l, in, c);
    case OpKind::Slice:
        return slice(l, in, c);
    case OpKind::Select:
        return select(l, in, c);
    case OpKind::Mean:
        return mean(l, in, c);
    case OpKind::Softmax:
        if (!dimIn(l->attributes.dim, in, "dim", c))
            return false;
        l->shape = in;
        l->flops = 3 * in.elements();
        return true;
    default:
        return c.fail(QStringLiteral("op"), QStringLiteral("is not a shape op"));
    }
}

} // namespace d3::core

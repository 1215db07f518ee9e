#include "ModelParser.h"

#include "GraphLog.h"
#include "LayerAnalyzer.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace d3::core {
namespace {

constexpr int kFormatVersion = 1;
const QLatin1String kFormatName("d3lab-model");

/// Attribute reader for one layer: records the first error and the keys it consumed.
class AttributeReader
{
public:
    AttributeReader(const QJsonObject &attrs, QString *field, QString *message)
        : m_attrs(attrs), m_field(field), m_message(message) {}

    bool ok() const { return m_ok; }

    int integer(const char *key, int fallback, int minimum, bool required = false)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined())
            return required ? fail(key, QStringLiteral("is required")), fallback : fallback;
        const double d = v.toDouble(-1e300);
        if (!v.isDouble() || d != double(qint64(d)) || d < minimum || d > 1e9)
            return fail(key, QStringLiteral("must be an integer >= %1").arg(minimum)), fallback;
        return int(d);
    }

    Pair2 pair(const char *key, Pair2 fallback, int minimum, bool required = false)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined())
            return required ? fail(key, QStringLiteral("is required")), fallback : fallback;
        auto valid = [&](const QJsonValue &x) {
            const double d = x.toDouble(-1e300);
            return x.isDouble() && d == double(qint64(d)) && d >= minimum && d <= 1e6;
        };
        if (valid(v))
            return {v.toInt(), v.toInt()};
        const QJsonArray arr = v.toArray();
        if (v.isArray() && arr.size() == 2 && valid(arr[0]) && valid(arr[1]))
            return {arr[0].toInt(), arr[1].toInt()};
        fail(key, QStringLiteral("must be an integer >= %1 or a pair [h, w] of them").arg(minimum));
        return fallback;
    }

    bool boolean(const char *key, bool fallback)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined())
            return fallback;
        if (!v.isBool())
            return fail(key, QStringLiteral("must be true or false")), fallback;
        return v.toBool();
    }

    double number(const char *key, double fallback, double minimum, double maximum = 1e30)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined())
            return fallback;
        if (!v.isDouble() || v.toDouble() < minimum || v.toDouble() > maximum)
            return fail(key, QStringLiteral("must be a number in [%1, %2]").arg(minimum).arg(maximum)), fallback;
        return v.toDouble();
    }

    /// A list of integers >= minimum (1 to 8 of them), or the fallback when absent.
    template<typename T>
    QVector<T> list(const char *key, bool required, int minimum)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined())
            return required ? fail(key, QStringLiteral("is required")), QVector<T>{} : QVector<T>{};
        QVector<T> out;
        const QJsonArray arr = v.toArray();
        for (const QJsonValue &x : arr) {
            const double d = x.toDouble(-1e300);
            if (!x.isDouble() || d != double(qint64(d)) || d < minimum || d > 1e9)
                break;
            out << T(d);
        }
        if (!v.isArray() || arr.isEmpty() || arr.size() > 8 || out.size() != arr.size())
            return fail(key, QStringLiteral("must be a list of 1 to 8 integers >= %1").arg(minimum)), QVector<T>{};
        return out;
    }

    /// One of the given words, or the first of them when absent.
    QString word(const char *key, const QStringList &allowed)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined())
            return allowed.first();
        if (!allowed.contains(v.toString()))
            return fail(key, QStringLiteral("must be one of \"%1\"").arg(allowed.join(QLatin1String("\", \"")))),
                   allowed.first();
        return v.toString();
    }

    /// True when the attribute is present (without consuming it).
    bool has(const char *key) const { return m_attrs.contains(QLatin1String(key)); }

    /// An optional integer that is only checked against the inferred value later.
    int expected(const char *key) { return integer(key, 0, 1); }

    /// Fails on any attribute the op did not read.
    void rejectUnknown(const QString &op)
    {
        for (auto it = m_attrs.begin(); m_ok && it != m_attrs.end(); ++it) {
            if (!m_used.contains(it.key()))
                fail(it.key(), QStringLiteral("is not an attribute of %1 (%2)")
                                   .arg(op, m_used.isEmpty() ? QStringLiteral("it takes none")
                                                             : QStringLiteral("allowed: ") + m_allowed.join(QLatin1String(", "))));
        }
    }

private:
    QJsonValue take(const char *key)
    {
        const QString k = QString::fromLatin1(key);
        m_used.insert(k);
        m_allowed << k;
        return m_attrs.value(k);
    }
    void fail(const char *key, const QString &message) { fail(QString::fromLatin1(key), message); }
    void fail(const QString &key, const QString &message)
    {
        if (!m_ok)
            return;
        m_ok = false;
        *m_field = QStringLiteral("attributes.") + key;
        *m_message = message;
    }

    QJsonObject m_attrs;
    QString *m_field;
    QString *m_message;
    QSet<QString> m_used;
    QStringList m_allowed;
    bool m_ok = true;
};

struct Expectations {
    int inChannels = 0;
    int numFeatures = 0;
    int inFeatures = 0;
};

void readAttributes(OpKind op, AttributeReader &r, LayerAttributes *a, Expectations *e)
{
    switch (op) {
    case OpKind::Conv2d:
        e->inChannels = r.expected("in_channels");
        a->outChannels = r.integer("out_channels", 1, 1, true);
        a->kernel = r.pair("kernel_size", {1, 1}, 1, true);
        a->stride = r.pair("stride", {1, 1}, 1);
        a->padding = r.pair("padding", {0, 0}, 0);
        a->dilation = r.pair("dilation", {1, 1}, 1);
        a->groups = r.integer("groups", 1, 1);
        a->bias = r.boolean("bias", true);
        break;
    case OpKind::BatchNorm2d:
        e->numFeatures = r.expected("num_features");
        a->eps = r.number("eps", 1e-5, 0.0);
        break;
    case OpKind::LeakyRelu:
        a->negativeSlope = r.number("negative_slope", 0.01, 0.0);
        break;
    case OpKind::MaxPool2d:
    case OpKind::AvgPool2d:
        a->kernel = r.pair("kernel_size", {1, 1}, 1, true);
        a->stride = r.pair("stride", a->kernel, 1);
        a->padding = r.pair("padding", {0, 0}, 0);
        a->ceilMode = r.boolean("ceil_mode", false);
        if (op == OpKind::MaxPool2d)
            a->dilation = r.pair("dilation", {1, 1}, 1);
        else
            a->countIncludePad = r.boolean("count_include_pad", true);
        break;
    case OpKind::AdaptiveAvgPool2d:
        a->outputSize = r.pair("output_size", {1, 1}, 1, true);
        break;
    case OpKind::Lrn:
        a->lrnSize = r.integer("size", 5, 1, true);
        a->lrnAlpha = r.number("alpha", 1e-4, 0.0);
        a->lrnBeta = r.number("beta", 0.75, 0.0);
        a->lrnK = r.number("k", 1.0, 0.0);
        break;
    case OpKind::Dropout:
        r.number("p", 0.5, 0.0, 1.0);
        break;
    case OpKind::Linear:
        e->inFeatures = r.expected("in_features");
        a->outFeatures = r.integer("out_features", 1, 1, true);
        a->bias = r.boolean("bias", true);
        break;
    case OpKind::LayerNorm:
        a->shape = r.list<qint64>("normalized_shape", true, 1);
        a->eps = r.number("eps", 1e-5, 0.0);
        a->elementwiseAffine = r.boolean("elementwise_affine", true);
        break;
    case OpKind::Gelu:
        a->geluTanh = r.word("approximate", {QStringLiteral("none"), QStringLiteral("tanh")}) == QLatin1String("tanh");
        break;
    case OpKind::Mean:
        a->dims = r.list<int>("dims", true, 0);
        a->keepDim = r.boolean("keepdim", false);
        break;
    case OpKind::Reshape:
        a->shape = r.list<qint64>("shape", true, 1);
        break;
    case OpKind::Permute:
        a->dims = r.list<int>("dims", true, 0);
        break;
    case OpKind::Slice:
        a->dim = r.integer("dim", 0, 0);
        a->start = r.integer("start", 0, 0);
        a->end = r.integer("end", 1, 1, true);
        a->step = r.integer("step", 1, 1);
        break;
    case OpKind::Select:
        a->dim = r.integer("dim", 0, 0);
        a->index = r.integer("index", 0, 0, true);
        break;
    case OpKind::Concat:
    case OpKind::Softmax:
        a->dim = r.integer("dim", 0, 0);
        break;
    case OpKind::MultiheadAttention:
        a->embedDim = r.integer("embed_dim", 1, 1, true);
        a->numHeads = r.integer("num_heads", 1, 1, true);
        break;
    case OpKind::Add:
    case OpKind::Sub:
    case OpKind::Mul:
    case OpKind::Div:
        a->hasScalar = r.has("scalar");
        a->scalar = r.number("scalar", 0.0, -1e30, 1e30);
        if (op == OpKind::Sub || op == OpKind::Div)
            a->reverse = r.boolean("reverse", false);
        break;
    case OpKind::Parameter:
        a->shape = r.list<qint64>("shape", true, 1);
        a->batchDim = r.boolean("batch_dim", false);
        break;
    case OpKind::Relu:
    case OpKind::Relu6:
    case OpKind::Silu:
    case OpKind::Sigmoid:
    case OpKind::Tanh:
    case OpKind::Hardswish:
    case OpKind::Hardsigmoid:
    case OpKind::Flatten:
    case OpKind::Matmul:
        break;
    }
}

QString lineColumn(const QByteArray &json, int offset)
{
    const QByteArray head = json.left(offset);
    const int line = head.count('\n') + 1;
    const int column = offset - (head.lastIndexOf('\n') + 1) + 1;
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

bool readShape(const QJsonValue &v, TensorShape *shape)
{
    const QJsonArray arr = v.toArray();
    if (!v.isArray() || arr.size() != 3)
        return false;
    for (const QJsonValue &d : arr) {
        const double x = d.toDouble(-1);
        if (!d.isDouble() || x != double(qint64(x)) || x < 1 || x > 1e6)
            return false;
        shape->dims << qint64(x);
    }
    return true;
}

} // namespace

std::optional<ModelGraph> ModelParser::parse(const QByteArray &json, const QString &source, GraphError *error)
{
    *error = GraphError{};
    error->file = source;
    auto fail = [&](const QString &field, const QString &message) {
        error->field = field;
        error->message = message;
        qCDebug(lcGraph) << "refused" << source << error->toString();
        return std::nullopt;
    };

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QString(), QStringLiteral("not valid JSON (%1 at %2)")
                                   .arg(parseError.errorString(), lineColumn(json, parseError.offset)));
    if (!doc.isObject())
        return fail(QString(), QStringLiteral("the top level must be a JSON object"));
    const QJsonObject root = doc.object();

    static const QSet<QString> topKeys{QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("name"),
                                       QStringLiteral("description"), QStringLiteral("input"), QStringLiteral("layers")};
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!topKeys.contains(it.key()))
            return fail(it.key(), QStringLiteral("unknown top-level field (allowed: format, version, name, "
                                                 "description, input, layers)"));
    }
    if (root.value(QLatin1String("format")).toString() != kFormatName)
        return fail(QStringLiteral("format"), QStringLiteral("must be \"%1\"").arg(kFormatName));
    if (root.value(QLatin1String("version")).toInt(-1) != kFormatVersion)
        return fail(QStringLiteral("version"), QStringLiteral("must be %1 (this build reads version %1)").arg(kFormatVersion));
    const QString name = root.value(QLatin1String("name")).toString();
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    if (!namePattern.match(name).hasMatch())
        return fail(QStringLiteral("name"), QStringLiteral("must be 1-64 characters of letters, digits, '_', '.', '-'"));

    const QJsonObject input = root.value(QLatin1String("input")).toObject();
    TensorShape inputShape;
    if (!readShape(input.value(QLatin1String("shape")), &inputShape))
        return fail(QStringLiteral("input.shape"), QStringLiteral("must be [C, H, W] with positive integers"));
    const QString inputName = input.value(QLatin1String("name")).toString(QStringLiteral("input"));
    static const QRegularExpression layerPattern(QStringLiteral("^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"));
    if (!layerPattern.match(inputName).hasMatch())
        return fail(QStringLiteral("input.name"), QStringLiteral("must be dot-separated words of letters, digits, '_' and '-'"));

    const QJsonValue layersValue = root.value(QLatin1String("layers"));
    if (!layersValue.isArray() || layersValue.toArray().isEmpty())
        return fail(QStringLiteral("layers"), QStringLiteral("must be a non-empty array of layers"));
    const QJsonArray layerArray = layersValue.toArray();

    QHash<QString, int> tensorIds{{inputName, 0}};
    QVector<TensorShape> shapes{inputShape};
    QVector<Layer> layers;
    static const QSet<QString> layerKeys{QStringLiteral("name"), QStringLiteral("op"), QStringLiteral("inputs"),
                                         QStringLiteral("attributes")};
    for (int i = 0; i < layerArray.size(); ++i) {
        const QJsonObject obj = layerArray.at(i).toObject();
        Layer l;
        l.index = i;
        l.name = obj.value(QLatin1String("name")).toString();
        error->layer = l.name;
        error->layerIndex = i;
        if (!layerArray.at(i).isObject())
            return fail(QString(), QStringLiteral("a layer must be a JSON object"));
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            if (!layerKeys.contains(it.key()))
                return fail(it.key(), QStringLiteral("unknown layer field (allowed: name, op, inputs, attributes)"));
        }
        if (!layerPattern.match(l.name).hasMatch())
            return fail(QStringLiteral("name"), QStringLiteral("must be dot-separated words of letters, digits, '_' and '-'"));
        if (tensorIds.contains(l.name))
            return fail(QStringLiteral("name"), QStringLiteral("duplicate name (also used by %1)")
                                                    .arg(tensorIds.value(l.name) == 0 ? QStringLiteral("the input")
                                                                                        : QStringLiteral("an earlier layer")));
        const QString op = obj.value(QLatin1String("op")).toString();
        if (!parseOpName(op, &l.op))
            return fail(QStringLiteral("op"), QStringLiteral("unknown op '%1' (known: %2)")
                                                  .arg(op, allOpNames().join(QLatin1String(", "))));

        QVector<TensorShape> inputShapes;
        if (l.op == OpKind::Parameter) {
            const QJsonValue iv = obj.value(QLatin1String("inputs"));
            if (!iv.isUndefined() && !(iv.isArray() && iv.toArray().isEmpty()))
                return fail(QStringLiteral("inputs"), QStringLiteral("a parameter reads no input (omit inputs or "
                                                                     "give [])"));
        } else if (!obj.contains(QLatin1String("inputs"))) {
            l.inputs = {i}; // the previous layer's output, or the model input for the first layer
        } else {
            const QJsonValue iv = obj.value(QLatin1String("inputs"));
            if (!iv.isArray() || iv.toArray().isEmpty())
                return fail(QStringLiteral("inputs"), QStringLiteral("must be a non-empty array of tensor names"));
            for (const QJsonValue &v : iv.toArray()) {
                const QString in = v.toString();
                if (in == l.name)
                    return fail(QStringLiteral("inputs"), QStringLiteral("a layer cannot read its own output (a cycle)"));
                if (!tensorIds.contains(in)) {
                    bool later = false;
                    for (int j = i + 1; j < layerArray.size() && !later; ++j)
                        later = layerArray.at(j).toObject().value(QLatin1String("name")).toString() == in;
                    return fail(QStringLiteral("inputs"),
                                later ? QStringLiteral("'%1' is defined later; layers must be in topological order "
                                                       "(a cycle, or a layer listed too early)").arg(in)
                                      : QStringLiteral("unknown input '%1'").arg(in));
                }
                l.inputs << tensorIds.value(in);
            }
        }
        for (int t : l.inputs)
            inputShapes << shapes.at(t);

        const QJsonValue av = obj.value(QLatin1String("attributes"));
        if (!av.isUndefined() && !av.isObject())
            return fail(QStringLiteral("attributes"), QStringLiteral("must be a JSON object"));
        QString field, message;
        AttributeReader reader(av.toObject(), &field, &message);
        Expectations expect;
        readAttributes(l.op, reader, &l.attributes, &expect);
        if (reader.ok())
            reader.rejectUnknown(op);
        if (!reader.ok())
            return fail(field, message);
        if (!LayerAnalyzer::analyze(&l, inputShapes, &field, &message))
            return fail(field, message);

        const TensorShape in = inputShapes.value(0);
        if (expect.inChannels && expect.inChannels != in.channels())
            return fail(QStringLiteral("attributes.in_channels"),
                        QStringLiteral("says %1 but the input has %2 channels").arg(expect.inChannels).arg(in.channels()));
        if (expect.numFeatures && expect.numFeatures != in.channels())
            return fail(QStringLiteral("attributes.num_features"),
                        QStringLiteral("says %1 but the input has %2 channels").arg(expect.numFeatures).arg(in.channels()));
        const qint64 lastDim = in.dims.isEmpty() ? 0 : in.dims.last();
        if (expect.inFeatures && expect.inFeatures != lastDim)
            return fail(QStringLiteral("attributes.in_features"),
                        QStringLiteral("says %1 but the input's last dimension has %2 features")
                            .arg(expect.inFeatures).arg(lastDim));

        tensorIds.insert(l.name, i + 1);
        shapes << l.shape;
        layers << l;
    }

    // Every tensor but the final output must feed a later layer: a dead branch is almost always a typo.
    QVector<bool> used(layers.size() + 1, false);
    for (const Layer &l : layers) {
        for (int t : l.inputs)
            used[t] = true;
    }
    for (int t = 0; t < layers.size(); ++t) {
        if (!used[t]) {
            error->layer = t == 0 ? QString() : layers.at(t - 1).name;
            error->layerIndex = t - 1;
            return fail(QString(), t == 0 ? QStringLiteral("the input is never used")
                                          : QStringLiteral("its output is never used (only the last layer may be "
                                                           "the model's output)"));
        }
    }
    *error = GraphError{};
    qCDebug(lcGraph) << "loaded" << source << layers.size() << "layers";
    return ModelGraph(name, source, inputName, inputShape, layers);
}

std::optional<ModelGraph> ModelParser::load(const QString &path, GraphError *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = GraphError{};
        error->file = path;
        error->message = QStringLiteral("cannot read the file (%1)").arg(file.errorString());
        return std::nullopt;
    }
    if (file.size() > 64 * 1024 * 1024) {
        *error = GraphError{};
        error->file = path;
        error->message = QStringLiteral("the file is larger than 64 MiB; a model file holds no weights");
        return std::nullopt;
    }
    return parse(file.readAll(), path, error);
}

} // namespace d3::core

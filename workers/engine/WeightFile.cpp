#include "WeightFile.h"

#include "EngineLog.h"
#include "TorchError.h"
#include "TorchModel.h"

#include <caffe2/serialize/inline_container.h>
#include <torch/script.h>
#include <torch/serialize.h>

#include <QFile>
#include <QStringList>

#include <algorithm>
#include <map>
#include <string_view>

namespace d3::engine {
namespace {

using Named = std::map<std::string, at::Tensor>;

QString shapeText(at::IntArrayRef sizes)
{
    QStringList parts;
    for (int64_t s : sizes)
        parts << QString::number(s);
    return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
}

bool isTorchScript(const std::string &path)
{
    try {
        caffe2::serialize::PyTorchStreamReader reader(path);
        return reader.hasRecord("constants.pkl");
    } catch (const std::exception &) {
        return false; // not a zip archive: legacy torch.save, tried as a pickle below
    }
}

/// True if the archive's pickle starts by building a collections.OrderedDict (torch.save(model.state_dict())
/// without dict(), which LibTorch's unpickler cannot read: it fails deep inside with an internal assert); with
/// anywhere, if it builds one anywhere (every tensor's empty backward hooks are one, so that alone says nothing).
bool holdsOrderedDict(const std::string &path, bool anywhere = false)
{
    try {
        caffe2::serialize::PyTorchStreamReader reader(path);
        if (!reader.hasRecord("data.pkl"))
            return false;
        const auto [data, size] = reader.getRecord("data.pkl");
        const std::string_view pickle(static_cast<const char *>(data.get()), size);
        static const std::string_view global = "ccollections\nOrderedDict\n";
        if (anywhere)
            return pickle.find(global) != std::string_view::npos;
        return pickle.size() > 2 + global.size() && pickle.substr(2, global.size()) == global; // after PROTO n
    } catch (const std::exception &) {
        return false;
    }
}

/// The dict of tensors in a checkpoint: the dict itself, or the dict under "state_dict" or "model_state_dict" (a
/// training checkpoint beside its epoch and the like).
c10::IValue stateDictOf(const c10::IValue &value)
{
    if (!value.isGenericDict())
        return value;
    const c10::Dict<c10::IValue, c10::IValue> dict = value.toGenericDict();
    for (const char *key : {"state_dict", "model_state_dict"})
        if (dict.contains(std::string(key)) && dict.at(std::string(key)).isGenericDict())
            return dict.at(std::string(key));
    return value;
}

/// Names without the "module." prefix nn.DataParallel and DistributedDataParallel add, when every name has it.
void stripDataParallelPrefix(Named *named)
{
    static const std::string prefix = "module.";
    if (named->empty() || !std::all_of(named->begin(), named->end(),
                                       [](const auto &e) { return e.first.rfind(prefix, 0) == 0; }))
        return;
    Named stripped;
    for (auto &[name, tensor] : *named)
        stripped[name.substr(prefix.size())] = tensor;
    *named = std::move(stripped);
}

Named readTorchScript(const std::string &path)
{
    torch::jit::Module module = torch::jit::load(path, torch::kCPU);
    Named named;
    for (const auto &p : module.named_parameters(/*recurse=*/true))
        named[p.name] = p.value;
    for (const auto &b : module.named_buffers(/*recurse=*/true))
        named[b.name] = b.value;
    return named;
}

bool readStateDict(const QString &path, Named *named, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read the weights file (%2)").arg(path, file.errorString());
        return false;
    }
    if (holdsOrderedDict(path.toStdString())) {
        *error = QStringLiteral("%1: holds an OrderedDict, which LibTorch cannot read; save a plain dict with "
                                "torch.save(dict(model.state_dict()), path) (in a checkpoint: {'state_dict': "
                                "dict(model.state_dict()), ...})").arg(path);
        return false;
    }
    std::vector<char> data(size_t(file.size())); // read once, straight into what the unpickler takes
    if (file.read(data.data(), qint64(data.size())) != qint64(data.size())) {
        *error = QStringLiteral("%1: cannot read the weights file (%2)").arg(path, file.errorString());
        return false;
    }
    c10::IValue loaded;
    try {
        loaded = torch::pickle_load(data);
    } catch (const c10::Error &) {
        // A state_dict() kept as an OrderedDict inside a checkpoint fails here, not at the first bytes.
        if (holdsOrderedDict(path.toStdString(), true)) {
            *error = QStringLiteral("%1: cannot be read, and holds an OrderedDict (in a checkpoint, a state_dict() "
                                    "saved without dict()?): save {'state_dict': dict(model.state_dict()), ...}")
                         .arg(path);
            return false;
        }
        throw;
    }
    const c10::IValue value = stateDictOf(loaded);
    if (!value.isGenericDict()) {
        *error = QStringLiteral("%1: holds a %2, not a state_dict; save it with "
                                "torch.save(dict(model.state_dict()), path)")
                     .arg(path, QString::fromStdString(value.tagKind()));
        return false;
    }
    for (const auto &entry : value.toGenericDict()) {
        if (!entry.key().isString() || !entry.value().isTensor()) {
            *error = QStringLiteral("%1: the dict must map names to tensors (a checkpoint holds them under "
                                    "'state_dict')").arg(path);
            return false;
        }
        (*named)[entry.key().toStringRef()] = entry.value().toTensor();
    }
    stripDataParallelPrefix(named);
    return true;
}

} // namespace

bool WeightFile::load(const TorchModel &model, const QString &path, bool ignoreExtra, QString *error)
{
    if (!QFile::exists(path)) {
        *error = QStringLiteral("%1: weights file not found").arg(path);
        return false;
    }
    Named named;
    const bool script = isTorchScript(path.toStdString());
    const bool read = guardTorch(error, [&] {
        if (script) {
            named = readTorchScript(path.toStdString());
            return true;
        }
        return readStateDict(path, &named, error);
    });
    if (!read) {
        if (!error->startsWith(path))
            *error = QStringLiteral("%1: not a PyTorch state_dict (torch.save) nor a TorchScript archive "
                                    "(torch.jit.save): %2").arg(path, *error);
        return false;
    }

    const auto expected = model.stateTensors();
    for (const auto &[key, dest] : expected) {
        const auto it = named.find(key.toStdString());
        if (it == named.end()) {
            *error = QStringLiteral("%1: missing tensor '%2' (model %3 needs it)").arg(path, key, model.graph().name());
            return false;
        }
        const at::Tensor &src = it->second;
        if (src.sizes() != dest.sizes()) {
            *error = QStringLiteral("%1: tensor '%2' has shape %3 but model %4 needs %5")
                         .arg(path, key, shapeText(src.sizes()), model.graph().name(), shapeText(dest.sizes()));
            return false;
        }
        if (dest.scalar_type() == at::kFloat && src.scalar_type() != at::kFloat) {
            *error = QStringLiteral("%1: tensor '%2' is %3; d3lab needs float32")
                         .arg(path, key, QString::fromLatin1(c10::toString(src.scalar_type())));
            return false;
        }
    }
    if (named.size() != expected.size()) {
        for (const auto &[name, tensor] : named) {
            const QString key = QString::fromStdString(name);
            const bool known = std::any_of(expected.begin(), expected.end(),
                                           [&](const auto &e) { return e.first == key; });
            if (!known && !ignoreExtra) {
                *error = QStringLiteral("%1: unexpected tensor '%2' (not part of model %3; --ignore-extra skips "
                                        "tensors the model does not use)")
                             .arg(path, key, model.graph().name());
                return false;
            }
        }
        qCInfo(lcEngine) << "ignored" << named.size() - expected.size() << "tensors of" << path
                         << "that model" << model.graph().name() << "does not use";
    }
    for (const auto &[key, dest] : expected) {
        at::Tensor d = dest;
        d.copy_(named.at(key.toStdString()));
    }
    qCInfo(lcEngine) << "loaded" << expected.size() << "tensors from" << path;
    return true;
}

} // namespace d3::engine

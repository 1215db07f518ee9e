#include "TorchReference.h"

#include "DebianPython.h"
#include "TestFiles.h"
#include "io/NpyFile.h"

namespace d3::test {
namespace {

bool readBatchOfOne(const QString &path, core::HostTensor *out, QString *error)
{
    auto t = core::NpyFile::read(path, error);
    if (!t)
        return false;
    if (t->shape.isEmpty() || t->shape.first() != 1) {
        *error = path + QStringLiteral(": expected a batch of one");
        return false;
    }
    t->shape.removeFirst();
    *out = std::move(*t);
    return true;
}

} // namespace

std::optional<TorchReference> TorchReference::make(const QString &model, const QString &dir, int threads,
                                                   QString *error)
{
    const QString script = TestFiles::sourceDir() + QStringLiteral("/scripts/torch_reference.py");
    const PythonRun run = DebianPython::run(
        {script, model, dir, QStringLiteral("--seed"), QStringLiteral("1"), QStringLiteral("--threads"),
         QString::number(threads)},
        600000);
    if (!run.ok()) {
        *error = QStringLiteral("torch_reference.py %1 %2. %3").arg(model, run.describe(), DebianPython::installHint());
        return std::nullopt;
    }
    TorchReference r;
    const QString base = dir + QLatin1Char('/') + model;
    r.stateDict = base + QStringLiteral(".state_dict.pt");
    r.torchScript = base + QStringLiteral(".torchscript.pt");
    r.inputPath = base + QStringLiteral(".input.npy");
    r.referencePath = base + QStringLiteral(".reference.npy");
    if (!readBatchOfOne(r.inputPath, &r.input, error) || !readBatchOfOne(r.referencePath, &r.reference, error))
        return std::nullopt;
    return r;
}

} // namespace d3::test

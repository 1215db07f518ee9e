#include "WeightFileFixture.h"

#include "DebianPython.h"
#include "TestFiles.h"
#include "graph/ModelParser.h"

#include <QFile>

namespace d3::test {

std::unique_ptr<QTemporaryDir> WeightFileFixture::s_dir;
core::ModelGraph WeightFileFixture::s_graph;
QString WeightFileFixture::s_setupError;

void WeightFileFixture::SetUpTestSuite()
{
    s_dir = std::make_unique<QTemporaryDir>();
    if (!s_dir->isValid()) {
        s_setupError = QStringLiteral("cannot create a temporary directory");
        return;
    }
    core::GraphError graphError;
    const auto graph = core::ModelParser::load(TestFiles::sourceDir() + QStringLiteral("/tests/workers/engine/tiny_model.json"),
                                               &graphError);
    if (!graph) {
        s_setupError = graphError.toString();
        return;
    }
    s_graph = *graph;
    const QString script = TestFiles::sourceDir() + QStringLiteral("/tests/workers/engine/weight_files.py");
    const PythonRun run = DebianPython::run({script, s_dir->path()}, 120000);
    if (!run.ok()) {
        s_setupError = QStringLiteral("weight_files.py %1. %2").arg(run.describe(), DebianPython::installHint());
        return;
    }
    TestFiles::write(*s_dir, QStringLiteral("garbage.pt"), QByteArray("not a weights file\n").repeated(50));
    TestFiles::write(*s_dir, QStringLiteral("empty.pt"), QByteArray());
    QFile good(file(QStringLiteral("good.state_dict.pt")));
    if (!good.open(QIODevice::ReadOnly)) {
        s_setupError = QStringLiteral("weight_files.py did not write good.state_dict.pt");
        return;
    }
    const QByteArray bytes = good.readAll();
    TestFiles::write(*s_dir, QStringLiteral("truncated.pt"), bytes.left(bytes.size() / 2));
}

void WeightFileFixture::TearDownTestSuite()
{
    s_dir.reset();
}

void WeightFileFixture::SetUp()
{
    ASSERT_TRUE(s_setupError.isEmpty()) << s_setupError.toStdString();
}

const core::ModelGraph &WeightFileFixture::graph()
{
    return s_graph;
}

QString WeightFileFixture::file(const QString &name)
{
    return s_dir->filePath(name);
}

} // namespace d3::test

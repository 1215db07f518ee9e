// File > Export's dialog: the preset box sets the figure's size, density, text and titles; custom keeps the
// operator's own size.
#include "console/ExportDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QSpinBox>

#include <gtest/gtest.h>

namespace d3::ui {
namespace {

QApplication &app()
{
    static int argc = 1;
    static char name[] = "ui_export_dialog_tests";
    static char *argv[] = {name, nullptr};
    static QApplication instance(argc, argv);
    return instance;
}

/// Picks the preset box's item whose data is preset, as a click does (the activated signal).
void pick(ExportDialog &dialog, const QString &preset)
{
    auto *box = dialog.findChild<QComboBox *>();
    ASSERT_NE(box, nullptr);
    const int index = box->findData(preset);
    ASSERT_GE(index, 0) << preset.toStdString();
    box->setCurrentIndex(index);
    Q_EMIT box->activated(index);
}

TEST(ExportDialogTest, APresetSetsTheColumnsSizeAndTextAndCustomKeepsTheOperatorsSize)
{
    app();
    ExportOptions start;
    start.widthPx = 1234;
    start.heightPx = 777;
    start.dpi = 150;
    ExportDialog dialog(start, QStringLiteral("/tmp/x"));
    EXPECT_TRUE(dialog.options().preset.isEmpty());
    EXPECT_EQ(dialog.options().widthPx, 1234);
    EXPECT_TRUE(dialog.options().title);

    pick(dialog, QStringLiteral("double"));
    ExportOptions o = dialog.options();
    EXPECT_EQ(o.preset, QStringLiteral("double"));
    EXPECT_EQ(o.widthPx, 2100);
    EXPECT_EQ(o.heightPx, 900);
    EXPECT_EQ(o.dpi, 300);
    EXPECT_EQ(o.fontPt, ExportOptions::kPaperFontPt);
    EXPECT_FALSE(o.title);
    EXPECT_TRUE(o.problem().isEmpty()) << o.problem().toStdString();
    for (QSpinBox *s : dialog.findChildren<QSpinBox *>())
        EXPECT_FALSE(s->isEnabled()); // a preset's size is not the operator's to change

    pick(dialog, QStringLiteral("single"));
    o = dialog.options();
    EXPECT_EQ(o.widthPx, 1050);
    EXPECT_EQ(o.heightPx, 750);
    EXPECT_DOUBLE_EQ(o.inches().width(), 3.5);

    // Titles on request, with a preset.
    for (QCheckBox *c : dialog.findChildren<QCheckBox *>())
        if (c->text().contains(QStringLiteral("title"), Qt::CaseInsensitive))
            c->setChecked(true);
    EXPECT_TRUE(dialog.options().title);

    pick(dialog, QString());
    o = dialog.options();
    EXPECT_TRUE(o.preset.isEmpty());
    EXPECT_EQ(o.fontPt, 0);
    for (QSpinBox *s : dialog.findChildren<QSpinBox *>())
        EXPECT_TRUE(s->isEnabled());
}

} // namespace
} // namespace d3::ui

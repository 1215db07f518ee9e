#include "control/ExperimentRunner.h"

#include <gtest/gtest.h>

namespace d3::core {
namespace {

TEST(ExperimentRunnerTest, ThePlannerHasAdaptedAtTheFirstPlanThatHolds)
{
    static_assert(ExperimentRunner::kPlanHolds == 5);
    EXPECT_EQ(ExperimentRunner::adaptedAt({}), -1);
    EXPECT_EQ(ExperimentRunner::adaptedAt({4, 4, 4, 4, 4, 4}), 0);          // re-planned before the first request
    EXPECT_EQ(ExperimentRunner::adaptedAt({1, 1, 2, 2, 2, 2, 2, 2}), 2);    // two requests on the old plan
    EXPECT_EQ(ExperimentRunner::adaptedAt({1, 2, 3, 3, 3, 3, 3, 4, 4}), 2); // a step on the way; a later refinement
    EXPECT_EQ(ExperimentRunner::adaptedAt({1, 2, 2, 2, 3, 3, 3, 3, 3}), 4); // plan 2 did not hold for 5 requests
    EXPECT_EQ(ExperimentRunner::adaptedAt({1, 2, 3}), 2);                   // a short window: the plan at its end
    EXPECT_EQ(ExperimentRunner::adaptedAt({1, 1, 2, 2}), 2);                // holds to the end of the window
}

TEST(ExperimentRunnerTest, ThePlannerAnsweredAtItsFirstNewPlan)
{
    EXPECT_EQ(ExperimentRunner::respondedAt(1, {1, 1, 2, 3, 3}), 2);
    EXPECT_EQ(ExperimentRunner::respondedAt(1, {2, 2, 2}), 0);  // re-planned before the first request
    EXPECT_EQ(ExperimentRunner::respondedAt(1, {1, 1, 1}), 0);  // the plan stayed
    EXPECT_EQ(ExperimentRunner::respondedAt(0, {5, 6, 6}), 0);  // the event opens the phase
}

} // namespace
} // namespace d3::core

#pragma once

#include "teaching/lesson.h"

#include <QStringList>

// Checks a lesson against the state machine: each endpoint's state after a step is either unchanged
// or one legal move (TcpStateMachine::isLegal) from its state before; every step is explained.
class LessonValidator
{
public:
    // Empty when the lesson is sound; otherwise one message per problem ("step 3: client ...").
    static QStringList check(const Lesson &lesson);
};

// libFuzzer target: a trainer's lesson JSON (LessonLoader::parse, then LessonValidator). A lesson file
// is data, never code: any bytes give a lesson or an error message, never a crash or a hang.
#include "teaching/lessonloader.h"
#include "teaching/lessonvalidator.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const Expected<Lesson> l = LessonLoader::parse(json, QStringLiteral("fuzz"));
    if (!l.ok()) {
        if (l.error().isEmpty())
            std::abort(); // a refused lesson always says why
        return 0;
    }
    (void)LessonValidator::check(*l);
    for (const LessonStep &s : l->steps) {
        for (const LessonPacket &p : s.packets)
            (void)p.label();
    }
    return 0;
}

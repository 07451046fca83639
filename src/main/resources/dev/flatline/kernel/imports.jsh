// The imports every flatline notebook starts with. The flatline kernel applies them before the
// first cell; under IJava or JJava, run this file with %load once flatline's jars are on the class path.
import java.util.*;
import java.util.stream.*;
import java.nio.file.*;
import tech.tablesaw.api.*;
import org.tribuo.*;
import org.tribuo.classification.*;
import org.tribuo.classification.evaluation.*;
import dev.flatline.data.*;
import dev.flatline.plots.*;
import dev.flatline.nn.*;
import dev.flatline.report.*;
import dev.flatline.remedies.*;
import java.time.Duration;
import dev.flatline.checks.*;
import dev.flatline.evaluation.*;

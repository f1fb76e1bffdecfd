# Sourced: makes sure app/target/daca.jar is built from the sources as they are now. A jar older than any source,
# resource or pom is rebuilt, so a benchmark or fault run never measures yesterday's code. Sets: jar.
jar=app/target/daca.jar
if [ ! -f "$jar" ] || [ -n "$(find . \( -path ./data -o -path '*/target' -o -path ./.git \) -prune -o \( -name '*.java' \
    -o -name '*.yml' -o -name '*.tsv' -o -name 'pom.xml' -o -name '*.csv' -o -name '*.json' -o -name '*.sql' \
    -o -name '*.html' -o -name '*.js' -o -name '*.css' \) -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "Building $jar (missing or older than the sources) ..."
  ./mvnw -B -q -ntp -DskipTests -pl app -am package
fi

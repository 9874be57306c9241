/// Classroom sessions: one live replicate a lecturer and students step month by month.
enum ClassroomModule {}
